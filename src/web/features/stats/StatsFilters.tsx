// The view's filters: region, year, month, grouping, last-year comparison and any drill-down filter.
import { Flex, Select, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { NS } from './i18n.ts';
import { TABLE_GROUPS, type StatsView, type useStatsView } from './statsQuery.ts';
import { appYear } from '../../app/clock.ts';

export interface StatsFiltersProps {
  view: StatsView;
  /** What the server settled on when the URL leaves them out. */
  resolved?: { regionCode: string; year: number; month: number };
  update: ReturnType<typeof useStatsView>['update'];
  clearDrill: () => void;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export default function StatsFilters({ view, resolved, update, clearDrill }: StatsFiltersProps) {
  const { t } = useTranslation(NS);
  const year = view.year ?? resolved?.year;
  const thisYear = appYear();
  const years = Array.from(new Set([...Array.from({ length: 6 }, (_, i) => thisYear - i), ...(year ? [year] : [])])).sort((a, b) => b - a);
  const label = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

  return (
    <Flex wrap gap={12} align="center">
      <Flex gap={6} align="center">
        {label(t('filter.region'))}
        <RegionTreeSelect
          aria-label={t('filter.region')}
          allowClear={false}
          value={view.region ?? resolved?.regionCode}
          onChange={(code) => update({ region: code })}
          style={{ width: 180 }}
        />
      </Flex>
      <Flex gap={6} align="center">
        {label(t('filter.year'))}
        <Select
          aria-label={t('filter.year')}
          value={year}
          onChange={(y: number) => update({ year: String(y) })}
          options={years.map((y) => ({ value: y, label: t('filter.yearValue', { year: y }) }))}
          style={{ width: 100 }}
        />
      </Flex>
      <Flex gap={6} align="center">
        {label(t('filter.month'))}
        <Select
          aria-label={t('filter.month')}
          value={view.month ?? resolved?.month}
          onChange={(m: number) => update({ month: String(m) })}
          options={MONTHS.map((m) => ({ value: m, label: t('filter.monthValue', { month: m }) }))}
          style={{ width: 108 }}
        />
      </Flex>
      <Flex gap={6} align="center">
        {label(t('filter.groupBy'))}
        <Select
          aria-label={t('filter.groupBy')}
          value={view.groupBy}
          onChange={(g: string) => update({ groupBy: g === 'region' ? undefined : g })}
          options={TABLE_GROUPS.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))}
          style={{ width: 140 }}
        />
      </Flex>
      <Flex gap={6} align="center">
        <Switch
          id="stats-compare"
          size="small"
          checked={view.compare}
          onChange={(on) => update({ compare: on ? 'lastYear' : undefined })}
        />
        <label htmlFor="stats-compare">{t('filter.compare')}</label>
      </Flex>
      {view.drill && (
        <Tag closable onClose={(e) => { e.preventDefault(); clearDrill(); }} closeIcon aria-label={t('filter.clearDrill')} color="processing">
          {t(`drillKind.${view.drill.key}`)}：{view.drill.label}
        </Tag>
      )}
    </Flex>
  );
}
