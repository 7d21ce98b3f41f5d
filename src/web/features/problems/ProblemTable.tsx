// The roadblock table of the list page and the project card: code and title, project, category,
// severity, lead department, status, the deadline (逾期 with working days) and the ladder level.
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { ProblemSummaryDto } from '../../../contract/problems.ts';
import type { ProblemSeverity } from '../../../domain/problems.ts';
import { NS } from './i18n.ts';
import { DeadlineCell, LevelTag, ProblemStatusTag, SeverityTag } from './parts.tsx';

export const PAGE_SIZE = 20;

export default function ProblemTable({ items, loading, empty, pagination, compact = false }: {
  items: ProblemSummaryDto[];
  loading: boolean;
  empty: string;
  pagination?: { current: number; total: number; onChange: (page: number) => void };
  /** On a project card: no project column. */
  compact?: boolean;
}) {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const columns: TableColumnsType<ProblemSummaryDto> = [
    {
      title: t('col.code'), dataIndex: 'code', width: 130,
      render: (code: string, p) => (
        <>
          <Link to={`/problems/${p.id}`} className="tj-num">{code}</Link>
          <div><Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: p.title }}>{p.title}</Typography.Text></div>
        </>
      ),
    },
    ...(compact ? [] : [{
      title: t('col.project'), dataIndex: 'projectName', width: 240,
      render: (name: string, p: ProblemSummaryDto) => (
        <>
          <Link to={`/projects/${p.projectId}`}>{name}</Link>
          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.projectCode} · {p.regionName}</Typography.Text></div>
        </>
      ),
    }]),
    { title: t('col.category'), dataIndex: 'category', width: 90, render: (c: string) => t(`enum.category.${c}`) },
    { title: t('col.severity'), dataIndex: 'severity', width: 80, render: (s: ProblemSeverity) => <SeverityTag severity={s} /> },
    { title: t('col.department'), dataIndex: 'departmentName', width: 160, responsive: ['md'] },
    { title: t('col.status'), dataIndex: 'status', width: 90, render: (s: ProblemSummaryDto['status']) => <ProblemStatusTag status={s} /> },
    { title: t('col.due'), key: 'due', width: 170, render: (_: unknown, p) => <DeadlineCell p={p} /> },
    { title: t('col.level'), dataIndex: 'escalationLevel', width: 150, responsive: ['lg'], render: (l: number) => <LevelTag level={l} /> },
  ];
  return (
    <Table<ProblemSummaryDto>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      onRow={(p) => ({ onDoubleClick: () => navigate(`/problems/${p.id}`) })}
      pagination={pagination && pagination.total > PAGE_SIZE ? { ...pagination, pageSize: PAGE_SIZE, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
    />
  );
}
