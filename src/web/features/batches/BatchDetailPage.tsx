// One batch event: its facts, totals and the projects that started or signed at it.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Card, Col, Descriptions, Grid, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import type { ProjectDto } from '../../../contract/projects.ts';
import { API_BASE } from '../../api/client.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import Decimal from 'decimal.js';
import { formatYi } from '../../../domain/money.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import Money from '../../components/Money.tsx';
import StageTag from '../../components/StageTag.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import { NS } from './i18n.ts';
import { useBatch, useCanManageBatches } from './batches.api.ts';
import BatchFormModal from './BatchFormModal.tsx';
import BatchMembersModal from './BatchMembersModal.tsx';

export default function BatchDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(NS);
  const canManage = useCanManageBatches();
  const label = useEnumLabel();
  // Phones show name, stage and amount only, wrapped to the screen rather than scrolled sideways.
  const wide = Grid.useBreakpoint().md ?? true;
  const { data: batch, isLoading, error } = useBatch(id);
  const [editing, setEditing] = useState(false);
  const [editingMembers, setEditingMembers] = useState(false);

  if (error) {
    return (
      <Card>
        <ErrorAlert error={error} title={t('msg.loadFailed')} />
        <Link to="/batches"><Button type="link" icon={<ArrowLeftOutlined />}>{t('action.back')}</Button></Link>
      </Card>
    );
  }

  const actions = batch && (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={`${API_BASE}/ledger/export.xlsx?batchId=${encodeURIComponent(batch.id)}`}>
        {t('action.export')}
      </Button>
      {canManage && <Button onClick={() => setEditing(true)}>{t('action.edit')}</Button>}
      {canManage && <Button type="primary" onClick={() => setEditingMembers(true)}>{t('action.members')}</Button>}
    </Space>
  );

  const columns: TableColumnsType<ProjectDto> = [
    { title: t('col.code'), dataIndex: 'code', width: 120, responsive: ['md'] },
    {
      title: t('col.projectName'), dataIndex: 'name',
      render: (name: string, p) => (
        <Space size={4} wrap>
          <Link to={`/projects/${p.id}`}>{name}</Link>
          {p.id === batch?.mainProjectId && <Tag color="gold">{t('mainVenueTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('col.region'), dataIndex: 'regionName', width: 120, responsive: ['lg'] },
    { title: t('col.stage'), dataIndex: 'stage', width: 90, render: (s: ProjectDto['stage']) => <StageTag stage={s} /> },
    { title: t('col.level'), dataIndex: 'level', width: 80, responsive: ['lg'], render: (l: string) => label('level', l) },
    { title: t('col.owner'), dataIndex: 'owner', width: 180, responsive: ['xxl'], render: (v: string | null) => v ?? '—' },
    { title: t('col.leader'), dataIndex: 'leaderName', width: 100, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: t('col.plannedStart'), dataIndex: 'plannedStart', width: 130, responsive: ['xxl'], render: (d: string | null) => formatDateZh(d) },
    {
      title: t('col.totalInvestment'), dataIndex: 'totalInvestment', width: 140, align: 'right',
      render: (v: string) => <Money value={v} />,
      sorter: (a, b) => new Decimal(a.totalInvestment).comparedTo(b.totalInvestment),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        loading={isLoading}
        title={
          <Space wrap>
            <Link to="/batches" aria-label={t('action.back')}><ArrowLeftOutlined /></Link>
            <span>{batch?.name ?? t('detailTitle')}</span>
            {batch && <Tag color={batch.kind === 'groundbreaking' ? 'orange' : 'blue'}>{label('batchKind', batch.kind)}</Tag>}
          </Space>
        }
        extra={wide && actions}
      >
        {batch && (
          <>
            {!wide && <div style={{ marginBottom: 16 }}>{actions}</div>}
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={12} md={6}><Statistic title={t('summary.projectCount')} value={batch.projectCount} /></Col>
              <Col xs={12} md={6}><Statistic title={t('summary.totalInvestment')} value={formatYi(batch.totalInvestment)} /></Col>
            </Row>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'date', label: t('summary.date'), children: formatDateZh(batch.eventDate) },
                { key: 'level', label: t('summary.level'), children: `${label('level', batch.level)} · ${label('season', batch.season)}` },
                { key: 'region', label: t('summary.region'), children: batch.regionName },
                { key: 'venue', label: t('summary.venue'), children: batch.venue || t('summary.none') },
                {
                  key: 'main', label: t('summary.mainProject'),
                  children: batch.mainProjectId
                    ? <Link to={`/projects/${batch.mainProjectId}`}>{batch.mainProjectName}</Link>
                    : t('summary.none'),
                },
              ]}
            />
          </>
        )}
      </Card>
      <Card title={t('projectsTitle', { count: batch?.projects.length ?? 0 })}>
        <Table<ProjectDto>
          rowKey="id"
          size="middle"
          loading={isLoading}
          columns={columns}
          dataSource={batch?.projects ?? []}
          pagination={(batch?.projects.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={wide ? { x: 'max-content' } : undefined}
          locale={{ emptyText: t('members.empty') }}
        />
      </Card>
      {editing && batch && <BatchFormModal batch={batch} onClose={() => setEditing(false)} />}
      {editingMembers && batch && <BatchMembersModal batch={batch} onClose={() => setEditingMembers(false)} />}
      {!isLoading && !batch && <Typography.Text type="secondary">{t('msg.empty')}</Typography.Text>}
    </Space>
  );
}
