// 进度计划: a portfolio on one chart — a lead leader's, a region's or a batch event's projects, each
// as a bar from planned start to planned completion (the first plan in grey behind where it moved),
// actual progress below it, its milestones as diamonds, today's line, overdue projects in red.
// Choices live in the URL (?by=&leader=&region=&batch=&stage=&page=); a bar or a name opens the
// project's own schedule on its file card.
import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, Pagination, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { PortfolioItemDto } from '../../../contract/gantt.ts';
import { STAGES } from '../../../domain/enums.ts';
import { useBatches } from '../../api/lookups.ts';
import DateText from '../../components/DateText.tsx';
import { EChartBox, type ECharts } from '../../components/useEChart.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import PersonSelect from '../../components/PersonSelect.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import StageTag from '../../components/StageTag.tsx';
import { useEnumOptions } from '../../i18n/labels.ts';
import { portfolioXlsxHref, usePortfolioGantt, type PortfolioParams } from './gantt.api.ts';
import { chartHeight, ganttOption } from './ganttOption.ts';
import { pngName, pngSubtitle, projectLines, seriesNames } from './ganttLines.ts';
import { saveGanttPng } from './ganttPng.ts';
import { SummaryTag } from './GanttStatusTag.tsx';
import './i18n.ts';

const MODES = ['leader', 'region', 'batch'] as const;
type Mode = (typeof MODES)[number];
const PAGE_SIZE = 30;

function useView() {
  const [params, setParams] = useSearchParams();
  const by: Mode = (MODES as readonly string[]).includes(params.get('by') ?? '') ? (params.get('by') as Mode) : 'region';
  const stage = (params.get('stage') ?? '').split(',').filter((s) => (STAGES as readonly string[]).includes(s));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pick = { leader: params.get('leader') ?? undefined, region: params.get('region') ?? undefined, batch: params.get('batch') ?? undefined };
  const query: PortfolioParams = { [by]: pick[by], stage: stage.length ? stage : undefined, page, pageSize: PAGE_SIZE };
  const update = (changes: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
      if (!('page' in changes)) next.delete('page');
      return next;
    }, { replace: true });
  // A leader or a batch must be chosen; a region defaults to the caller's own.
  const ready = by === 'region' || !!pick[by];
  return { by, stage, page, pick, query, update, ready };
}

export default function GanttPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const options = useEnumOptions();
  const { by, stage, page, pick, query, update, ready } = useView();
  const batches = useBatches();
  const q = usePortfolioGantt(query, ready);
  const chart = useRef<ECharts | null>(null);
  const data = ready ? q.data : undefined;
  const lines = useMemo(() => (data ? projectLines(t, data.items) : []), [data, t]);
  const option = useMemo(
    () => (data ? ganttOption(lines, data.today, seriesNames(t), { labelWidth: phone ? 100 : 220, english: i18n.language === 'en-US', compact: phone }) : null),
    [data, lines, t, phone, i18n.language],
  );
  const openProject = (id: string) => navigate(`/projects/${id}?tab=gantt`);

  const picker = {
    leader: <PersonSelect value={pick.leader ?? null} onChange={(id) => update({ leader: id })} placeholder={t('gantt.pick.leader')} style={{ width: phone ? '100%' : 220 }} />,
    region: <RegionTreeSelect value={pick.region ?? null} onChange={(code) => update({ region: code })} placeholder={t('gantt.pick.region')} style={{ width: phone ? '100%' : 200 }} />,
    batch: (
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        value={pick.batch}
        onChange={(v?: string) => update({ batch: v })}
        placeholder={t('gantt.pick.batch')}
        loading={batches.isLoading}
        options={(batches.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.eventDate}）` }))}
        style={{ width: phone ? '100%' : 300 }}
        aria-label={t('gantt.pick.batch')}
      />
    ),
  }[by];

  const overdueProjects = data?.items.filter((i) => i.status === 'overdue').length ?? 0;

  return (
    <div>
      <div className="tj-page-head">
        <div>
          <Typography.Title level={4}>{t('gantt.title')}{data ? ` · ${data.title}` : ''}</Typography.Title>
          <Typography.Text type="secondary">{t('gantt.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<PictureOutlined />} disabled={!data?.items.length} onClick={() => data && option && saveGanttPng(chart.current, option, {
            title: `${data.title} · ${t('gantt.title')}`,
            subtitle: pngSubtitle(t, [t('gantt.counts', { total: data.total, page: data.items.length, overdue: overdueProjects })], data.today),
            fileName: pngName(t, data.title, data.today),
          })}>
            {t('gantt.export.png')}
          </Button>
          <Button icon={<DownloadOutlined />} disabled={!data?.items.length} href={portfolioXlsxHref(query)}>{t('gantt.export.xlsx')}</Button>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center" vertical={phone}>
          <Segmented<Mode>
            value={by}
            onChange={(v) => update({ by: v === 'region' ? undefined : v })}
            options={MODES.map((m) => ({ value: m, label: t(`gantt.by.${m}`) }))}
          />
          {picker}
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            value={stage}
            onChange={(v: string[]) => update({ stage: v.join(',') || undefined })}
            options={options('stage')}
            placeholder={t('gantt.pick.stage')}
            style={{ minWidth: phone ? '100%' : 220 }}
            aria-label={t('gantt.pick.stage')}
          />
        </Flex>
      </Card>
      {!ready && <Card><Empty description={t('gantt.needPick')} /></Card>}
      {ready && q.error && <ErrorAlert error={q.error} title={t('gantt.loadFailed')} onRetry={() => void q.refetch()} />}
      {ready && data && (
        <Card size="small" loading={q.isLoading}>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
            {t('gantt.counts', { total: data.total, page: data.items.length, overdue: overdueProjects })}
          </Typography.Text>
          {data.items.length === 0 ? <Empty description={t('gantt.emptyPortfolio')} /> : (
            <>
              <EChartBox
                ref={chart}
                option={option}
                height={chartHeight(lines.length, phone ? 32 : 36)}
                style={{ cursor: 'pointer' }}
                onClick={(p) => {
                  // Every item of a line carries the line's index first.
                  const i = Array.isArray(p.value) ? p.value[0] : undefined;
                  const id = typeof i === 'number' ? lines[i]?.key : undefined;
                  if (id) openProject(id);
                }}
                aria-label={`${t('gantt.title')} · ${data.title}`}
              />
              <PortfolioTable items={data.items} phone={phone} />
              {data.total > PAGE_SIZE && (
                <Flex justify="flex-end" style={{ marginTop: 12 }}>
                  <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} showSizeChanger={false} size={phone ? 'small' : undefined}
                    onChange={(p) => update({ page: p > 1 ? String(p) : undefined })} />
                </Flex>
              )}
            </>
          )}
        </Card>
      )}
    </div>
  );
}

function PortfolioTable({ items, phone }: { items: PortfolioItemDto[]; phone: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<PortfolioItemDto>
      style={{ marginTop: 12 }}
      size="small"
      rowKey={(r) => r.project.id}
      dataSource={items}
      pagination={false}
      scroll={{ x: phone ? undefined : 'max-content' }}
      columns={[
        {
          key: 'name', title: t('gantt.col.project'),
          render: (_, r) => (
            <span>
              <Link to={`/projects/${r.project.id}?tab=gantt`} className={r.status === 'overdue' ? 'tj-overdue' : undefined}>{r.project.name}</Link>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {[r.project.code, r.project.regionName, r.project.leaderName].filter(Boolean).join(' · ')}
              </Typography.Text>
            </span>
          ),
        },
        { key: 'stage', title: t('field.stage'), width: 90, render: (_, r) => <StageTag stage={r.project.stage} />, responsive: ['md'] },
        { key: 'start', title: t('field.plannedStart'), width: 130, render: (_, r) => <DateText value={r.project.plannedStart} />, responsive: ['md'] },
        { key: 'completion', title: t('field.plannedCompletion'), width: 130, render: (_, r) => <DateText value={r.project.plannedCompletion} />, responsive: ['lg'] },
        {
          key: 'status', title: t('gantt.col.status'), width: 150,
          render: (_, r) => (
            <Space size={4} wrap>
              <SummaryTag status={r.status} />
              {r.overdueCount > 0 && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('gantt.tip.overdueCount', { count: r.overdueCount })}</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}
