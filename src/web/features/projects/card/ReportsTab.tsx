// 调度进度: the project's year month by month — investment approved each month, the annual
// completion rate against time-elapsed progress, and where each month's report stands.
import { Alert, Descriptions, Empty, Select, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ProjectCard } from '../../../api/types.ts';
import type { ProjectSeriesDto } from '../../../../contract/reporting.ts';
import ErrorAlert from '../../../components/ErrorAlert.tsx';
import Money from '../../../components/Money.tsx';
import { NS } from '../../reporting/i18n.ts';
import { ProgressTag, RateText, ReportStatusTag, TipTitle, reportHref } from '../../reporting/parts.tsx';
import { useProjectSeries } from '../../reporting/reporting.api.ts';
import { appYear } from '../../../app/clock.ts';

type Month = ProjectSeriesDto['months'][number];
// ECharts is large: load it only when the tab is opened.
const SeriesChart = lazy(() => import('./ReportsChart.tsx'));

export default function ReportsTab({ card }: { card: ProjectCard }) {
  const { t } = useTranslation(NS);
  const thisYear = appYear();
  // Until a year is picked the server opens the latest year the project reported in.
  const [picked, setYear] = useState<number | undefined>(undefined);
  const q = useProjectSeries(card.project.id, picked);
  const s = q.data;
  const year = picked ?? s?.year ?? thisYear;
  const years = [...new Set([thisYear, year, ...card.annualPlans.map((a) => a.year)])].filter((y) => y <= thisYear + 1).sort((a, b) => b - a);
  // Labels are 2024年9月 / 2024年9月上半月 / 2024年9月第2周; 1月 must not match 10月.
  const reportOf = (month: number) => s?.reports.filter((r) => new RegExp(`^${year}年${month}月(?!\\d)`).test(r.periodLabel)) ?? [];

  const columns: TableColumnsType<Month> = [
    { title: t('col.month'), dataIndex: 'month', width: 100, render: (m: number) => <span style={{ whiteSpace: 'nowrap' }}>{`${year}年${m}月`}</span> },
    { title: t('col.investment'), dataIndex: 'investment', align: 'right', render: (v: string) => <Money value={v} /> },
    { title: t('col.fundsArrived'), dataIndex: 'fundsArrived', align: 'right', responsive: ['md'], render: (v: string) => <Money value={v} /> },
    { title: <TipTitle tip={t('tip.ytdInvestment')}>{t('col.ytdInvestment')}</TipTitle>, dataIndex: 'ytdInvestment', align: 'right', render: (v: string) => <Money value={v} /> },
    { title: <TipTitle tip={t('tip.cumulative')}>{t('col.cumulative')}</TipTitle>, dataIndex: 'cumulativeInvestment', align: 'right', responsive: ['lg'], render: (v: string) => <Money value={v} /> },
    { title: <TipTitle tip={t('tip.completionRate')}>{t('col.completionRate')}</TipTitle>, dataIndex: 'annualCompletionRate', align: 'right', render: (v: number | null) => <RateText value={v} /> },
    { title: <TipTitle tip={t('tip.timeElapsed')}>{t('col.timeElapsed')}</TipTitle>, dataIndex: 'timeElapsed', align: 'right', render: (v: number | null) => <RateText value={v} /> },
    { title: <TipTitle tip={t('tip.progressStatus')}>{t('col.progressStatus')}</TipTitle>, dataIndex: 'progressStatus', width: 100, render: (v: Month['progressStatus']) => <ProgressTag status={v} /> },
    {
      title: t('col.reportStatus'), dataIndex: 'reportStatus', width: 110,
      render: (v: Month['reportStatus'], m) => {
        if (!v) return '—';
        const r = reportOf(m.month)[0];
        return r ? <Link to={reportHref(r.projectId, r.periodId)}><ReportStatusTag status={v} /></Link> : <ReportStatusTag status={v} />;
      },
    },
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }} size={16}>
        <Select aria-label={t('series.year')} value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: `${y}年` }))} />
        {s && (
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ minWidth: 480 }}>
            <Descriptions.Item label={t('series.annualPlan')}><Money value={s.annualPlan} /></Descriptions.Item>
            <Descriptions.Item label={t('series.totalInvestment')}><Money value={s.totalInvestment} /></Descriptions.Item>
            <Descriptions.Item label={t('series.opening')}><Money value={s.openingInvestment} /></Descriptions.Item>
          </Descriptions>
        )}
      </Space>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.isLoading && <Spin />}
      {s && s.annualPlan == null && <Alert type="info" showIcon title={t('series.noPlan')} style={{ marginBottom: 12 }} />}
      {s && (s.months.length === 0 ? <Empty description={t('series.empty')} /> : (
        <>
          <Suspense fallback={<div style={{ height: 280 }}><Spin /></div>}><SeriesChart s={s} /></Suspense>
          <Table<Month>
            rowKey="month"
            size="small"
            bordered
            pagination={false}
            dataSource={s.months}
            columns={columns}
            scroll={{ x: 'max-content' }}
          />
          {s.reports.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {t('series.reports')}：{s.reports.map((r, i) => (
                <span key={r.periodId}>{i > 0 && '、'}<Link to={reportHref(r.projectId, r.periodId)}>{r.periodLabel}</Link></span>
              ))}
            </Typography.Paragraph>
          )}
        </>
      ))}
    </div>
  );
}
