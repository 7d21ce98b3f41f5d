// The statistics page (统计分析): the key figures of a region and period, the groups ranked by
// completion rate with drill-down, the month-by-month series, and the .xlsx exports.
import { Breadcrumb, Button, Card, Col, Flex, Row, Segmented, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { StatsRow } from '../../../contract/stats.ts';
import { useRegionTree } from '../../api/lookups.ts';
import type { RegionNode } from '../../api/types.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import HeadlineCards from './HeadlineCards.tsx';
import { NS } from './i18n.ts';
import MonthChart from './MonthChart.tsx';
import RankingChart, { RANKING_CHART_MAX } from './RankingChart.tsx';
import RankingTable from './RankingTable.tsx';
import { standardXlsxHref, statsXlsxHref, useStats } from './stats.api.ts';
import StatsFilters from './StatsFilters.tsx';
import { useRowLabel } from './rowLabel.ts';
import { DRILL_OF_GROUP, apiQuery, drillChanges, useStatsView } from './statsQuery.ts';

/** The regions from the top of the caller's tree down to `code` (empty if not found). */
function regionPath(nodes: RegionNode[], code: string): RegionNode[] {
  for (const n of nodes) {
    if (n.code === code) return [n];
    const below = regionPath(n.children, code);
    if (below.length) return [n, ...below];
  }
  return [];
}

export default function StatsPage() {
  const { t } = useTranslation(NS);
  const { view, update, hrefWith } = useStatsView();
  const navigate = useNavigate();
  const query = apiQuery(view);
  const stats = useStats(query);
  const data = stats.data;
  // The series follows the period the server settled on, so both answer the same question.
  const seriesQuery = apiQuery(view, { groupBy: 'month', year: data?.year, month: data?.month });
  const series = useStats(seriesQuery, !!data);
  const [seriesAs, setSeriesAs] = useState<'chart' | 'table'>('chart');
  const tree = useRegionTree();
  const crumbs = useMemo(() => (data ? regionPath(tree.data ?? [], data.regionCode) : []), [tree.data, data]);

  const resolvedQuery = data ? { ...query, region: data.regionCode, year: data.year, month: data.month } : query;
  const groupName = t(`groupBy.${view.groupBy}`);
  const rowName = useRowLabel(data?.groupBy ?? view.groupBy);

  /** Where a row leads: a sub-region, a group's projects, a project's card; null for nowhere. */
  const drillTo = (r: StatsRow): string | null => {
    if (!data) return null;
    if (data.groupBy === 'project') return `/projects/${r.key}`;
    if (data.groupBy === 'region') return r.key === data.regionCode ? null : hrefWith({ region: r.key });
    // A county's projects; a city's (or the province's) own row has no page of its own projects.
    if (data.groupBy === 'county') return r.code ? hrefWith({ region: r.key, groupBy: 'project' }) : null;
    const key = DRILL_OF_GROUP[data.groupBy];
    return key && r.key !== 'none' ? hrefWith(drillChanges({ key, value: r.key, label: rowName(r) }, { groupBy: 'project' })) : null;
  };
  const go = (r: StatsRow) => {
    const to = drillTo(r);
    if (to) navigate(to);
  };
  const hint = view.groupBy === 'region' ? t('drillHint.region') : view.groupBy === 'county' ? t('drillHint.county') : view.groupBy === 'project' ? t('drillHint.project') : t('drillHint.group');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex vertical gap={12}>
          <Flex wrap gap={8} justify="space-between" align="flex-start">
            <Flex vertical gap={2}>
              <Typography.Title level={4} style={{ margin: 0 }}>{t('title')}</Typography.Title>
              {data && (
                <Typography.Text type="secondary">
                  {t('subtitle', { region: data.regionName, year: data.year, month: data.month })}
                </Typography.Text>
              )}
            </Flex>
            <Flex wrap gap={8}>
              <Button icon={<DownloadOutlined />} href={statsXlsxHref(resolvedQuery)} disabled={!data}>{t('export.table')}</Button>
              <Button icon={<DownloadOutlined />} href={standardXlsxHref(resolvedQuery)} disabled={!data}>{t('export.standard')}</Button>
            </Flex>
          </Flex>
          <StatsFilters view={view} resolved={data} update={update} clearDrill={() => update(drillChanges(undefined))} />
          {crumbs.length > 1 && (
            <Breadcrumb
              items={crumbs.map((n, i) => ({
                key: n.code,
                title: i === crumbs.length - 1
                  ? n.name
                  : <Typography.Link onClick={() => update({ region: n.code })}>{n.name}</Typography.Link>,
              }))}
            />
          )}
        </Flex>
      </Card>

      {stats.error && <ErrorAlert error={stats.error} title={t('loadFailed')} onRetry={() => void stats.refetch()} />}
      {!data && stats.isLoading && <Card loading />}

      {data && (
        <>
          <HeadlineCards total={data.total} tolerance={data.tolerance} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('chart.monthTitle')}
                style={{ height: '100%' }}
                extra={
                  <Flex gap={8} align="center">
                    <Segmented
                      size="small"
                      value={seriesAs}
                      onChange={(v) => setSeriesAs(v as 'chart' | 'table')}
                      options={[{ value: 'chart', label: t('seriesView.chart') }, { value: 'table', label: t('seriesView.table') }]}
                    />
                    <Button size="small" type="link" icon={<DownloadOutlined />} href={statsXlsxHref(seriesQuery)} disabled={!series.data}>
                      {t('export.series')}
                    </Button>
                  </Flex>
                }
              >
                {series.error
                  ? <ErrorAlert error={series.error} />
                  : seriesAs === 'table' && series.data
                    ? <RankingTable result={series.data} compare={view.compare} drillTo={() => null} onDrill={() => undefined} loading={series.isFetching} />
                    : <MonthChart rows={series.data?.rows ?? []} compare={view.compare} />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('chart.rankingTitle', { group: groupName })}
                extra={data.rows.length > RANKING_CHART_MAX && <Typography.Text type="secondary">{t('chart.rankingMore', { count: RANKING_CHART_MAX })}</Typography.Text>}
                style={{ height: '100%' }}
              >
                <RankingChart rows={data.rows} name={rowName} timeElapsed={data.total.timeElapsed} onClick={go} />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={t('table.title', { group: groupName })}
            extra={
              // A region without sub-regions has only its own row: offer its projects instead.
              data.groupBy === 'region' && data.rows.every((r) => r.key === data.regionCode)
                ? <Link to={hrefWith({ groupBy: 'project' })}>{t('byProjects')}</Link>
                : <Typography.Text type="secondary">{hint}</Typography.Text>
            }
          >
            <RankingTable result={data} compare={view.compare} drillTo={drillTo} onDrill={go} loading={stats.isFetching} />
          </Card>
        </>
      )}
    </Space>
  );
}
