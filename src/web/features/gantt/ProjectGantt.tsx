// 进度计划 of one project (the file card's tab): its procedures and milestones as a Gantt chart
// with the first plan as a grey baseline, today's line and overdue rows in red; the rows as a table;
// PNG and .xlsx export.
import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Grid, Space, Table, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GanttRowDto } from '../../../contract/gantt.ts';
import DateText, { formatDate } from '../../components/DateText.tsx';
import { EChartBox, type ECharts } from '../../components/useEChart.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { projectGanttXlsxHref, useProjectGantt } from './gantt.api.ts';
import { chartHeight, ganttOption } from './ganttOption.ts';
import { pngName, pngSubtitle, rowLines, seriesNames } from './ganttLines.ts';
import { saveGanttPng } from './ganttPng.ts';
import { RowStatusTag } from './GanttStatusTag.tsx';
import './i18n.ts';

export default function ProjectGantt({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const q = useProjectGantt(projectId);
  const chart = useRef<ECharts | null>(null);
  const lines = useMemo(() => (q.data ? rowLines(t, q.data.rows) : []), [q.data, t]);
  const option = useMemo(
    () => (q.data ? ganttOption(lines, q.data.today, seriesNames(t), { labelWidth: phone ? 96 : 170, english: i18n.language === 'en-US', compact: phone }) : null),
    [q.data, lines, t, phone, i18n.language],
  );

  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data || !option) return <div style={{ minHeight: 240 }} />;
  const g = q.data;
  if (!g.rows.length) return <Empty description={t('gantt.empty')} />;

  const columns = [
    {
      key: 'name', title: t('gantt.col.name'), dataIndex: 'name',
      render: (_: unknown, r: GanttRowDto) => <span className={r.status === 'overdue' ? 'tj-overdue' : undefined}>{r.kind === 'milestone' ? <strong>{r.name}</strong> : r.name}</span>,
    },
    { key: 'kind', title: t('gantt.col.kind'), width: 70, render: (_: unknown, r: GanttRowDto) => t(`gantt.kind.${r.kind}`), responsive: ['md' as const] },
    {
      key: 'planned', title: t('gantt.col.planned'), width: 130,
      render: (_: unknown, r: GanttRowDto) => <span className={r.status === 'overdue' ? 'tj-overdue' : undefined}><DateText value={r.plannedDate} /></span>,
    },
    {
      key: 'baseline', title: t('gantt.col.baseline'), width: 150, responsive: ['md' as const],
      render: (_: unknown, r: GanttRowDto) => (r.slipDays
        ? <span><DateText value={r.baselineDate} /><Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>{t('gantt.tip.slip', { days: r.slipDays })}</Typography.Text></span>
        : <DateText value={r.baselineDate} />),
    },
    { key: 'actual', title: t('gantt.col.actual'), width: 130, render: (_: unknown, r: GanttRowDto) => <DateText value={r.actualDate} /> },
    { key: 'status', title: t('gantt.col.status'), width: 150, render: (_: unknown, r: GanttRowDto) => <RowStatusTag status={r.status} lateDays={r.lateDays} /> },
    { key: 'responsible', title: t('gantt.col.responsible'), dataIndex: 'responsible', responsive: ['lg' as const] },
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t('gantt.projectCounts', { total: g.rows.length, overdue: g.counts.overdue ?? 0, today: formatDate(g.today) })}
        </Typography.Text>
        <Space wrap>
          <Button icon={<PictureOutlined />} onClick={() => saveGanttPng(chart.current, option, {
            title: `${g.project.name} · ${t('gantt.title')}`,
            subtitle: pngSubtitle(t, [g.project.code, g.project.regionName, g.project.leaderName], g.today),
            fileName: pngName(t, g.project.name, g.today),
          })}>
            {t('gantt.export.png')}
          </Button>
          <Button icon={<DownloadOutlined />} href={projectGanttXlsxHref(projectId)}>{t('gantt.export.xlsx')}</Button>
        </Space>
      </Flex>
      <EChartBox ref={chart} option={option} height={chartHeight(lines.length, phone ? 30 : 34)} aria-label={`${t('gantt.title')} · ${g.project.name}`} />
      <Table<GanttRowDto>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={g.rows}
        pagination={false}
        scroll={{ x: phone ? undefined : 900 }}
      />
    </div>
  );
}
