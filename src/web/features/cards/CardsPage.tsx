// 亮牌评定: the cards of a period — headline counts, the red and yellow list with the reasons, the
// ranking by score and the distribution by county, unit, industry and lead leader. Filters live in the URL.
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Grid, Row, Select, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CARD_GROUPS, type CardDto, type CardGroup, type CardList } from '../../../contract/cards.ts';
import { CARD_COLORS, type CardColor } from '../../../domain/cards.ts';
import { formatYearMonth } from '../../../domain/dates.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { EDITOR_ROLES } from '../../app/permissions.ts';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { usePeriods } from '../reporting/reporting.api.ts';
import CardDrawer from './CardDrawer.tsx';
import { useCardActions, useCardList, useCardsSummary } from './cards.api.ts';
import DistributionTab from './DistributionTab.tsx';
import { NS } from './i18n.ts';
import { CARD_HEX, EffectiveCardTag, ScoreText, useCardReasons } from './parts.tsx';

type Item = CardList['items'][number];
const TABS = ['list', 'ranking', 'distribution'] as const;
type TabKey = (typeof TABS)[number];
const PAGE_SIZE = 20;

function CountCard({ title, value, color, active, onClick }: { title: string; value: number | undefined; color?: string; active?: boolean; onClick?: () => void }) {
  return (
    <Card
      size="small"
      hoverable={!!onClick}
      onClick={onClick}
      style={{ height: '100%', borderColor: active ? color : undefined, borderTop: color ? `3px solid ${color}` : undefined }}
      role={onClick ? 'button' : undefined}
      aria-pressed={onClick ? active : undefined}
    >
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div className="tj-num" style={{ fontSize: 24, fontWeight: 600, color }}>{value ?? '—'}</div>
    </Card>
  );
}

/** The period list's option for the month view (several sub-regions' periods): chosen by clearing the period. */
const MONTH_VIEW = 'month-view';

export default function CardsPage() {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const isOffice = EDITOR_ROLES.includes(user.role);
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [rankDesc, setRankDesc] = useState(true);
  const phone = Grid.useBreakpoint().md === false;

  const periodParam = params.get('period') ?? undefined;
  const region = params.get('region') ?? undefined;
  const colorParam = params.get('color');
  const color = (CARD_COLORS as readonly string[]).includes(colorParam ?? '') ? (colorParam as CardColor) : undefined;
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'list';
  const groupParam = params.get('groupBy');
  const groupBy: CardGroup = (CARD_GROUPS as readonly string[]).includes(groupParam ?? '') ? (groupParam as CardGroup) : 'region';

  const update = (patch: Record<string, string | undefined>) => {
    setPage(1);
    setParams((prev) => {
      const n = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) if (v) n.set(k, v); else n.delete(k);
      return n;
    }, { replace: true });
  };

  const periods = usePeriods();
  const headline = useCardsSummary({ periodId: periodParam, region, groupBy: 'region' });
  // Without a period in the URL the server picks the latest month with cards: one period, or (a
  // province, a city whose counties report on their own) each sub-region's own period of the month.
  const periodId = periodParam ?? headline.data?.periodId ?? undefined;
  /** The month of what is shown (YYYY-MM), and the month to ask for when no one period is (the month view). */
  const shownMonth = headline.data?.month ?? undefined;
  const month = periodId ? undefined : shownMonth;
  const periodLabel = headline.data?.periodLabel ?? periods.data?.find((p) => p.id === periodId)?.label ?? '';
  const list = useCardList(
    tab === 'list'
      ? { periodId, month, region, color: color ?? 'red,yellow', sort: 'score', page, pageSize: PAGE_SIZE }
      : { periodId, month, region, color, sort: rankDesc ? '-score' : 'score', page, pageSize: PAGE_SIZE },
    tab !== 'distribution' && !!(periodId || month),
  );
  const { run, runMonth } = useCardActions();
  const reasons = useCardReasons();
  const total = headline.data?.total;
  const noCards = headline.data && total?.total === 0;

  const onRun = () => {
    if (!periodId) return;
    modal.confirm({
      title: t('cards.runConfirmTitle'),
      content: t('cards.runConfirm', { label: periodLabel }),
      okText: t('cards.run'), cancelText: t('common.cancel'),
      onOk: () => run.mutateAsync(periodId).then(
        (r) => void message.success(t('cards.runDone', { count: r.counts.total })),
        (e: unknown) => void message.error(errorMessage(e)),
      ),
    });
  };

  const onRunMonth = () => {
    if (!shownMonth) return;
    const label = formatYearMonth(shownMonth);
    modal.confirm({
      title: t('cards.runMonthConfirmTitle', { month: label }),
      content: t('cards.runMonthConfirm', { month: label, scope: t(region ? 'cards.scopeSelected' : 'cards.scopeOwn') }),
      okText: t('cards.runMonth'), cancelText: t('common.cancel'),
      onOk: () => runMonth.mutateAsync({ regionCode: region, month: shownMonth }).then(
        (r) => void message.success(t('cards.runMonthDone', { periods: r.runs.length, count: r.counts.total, red: r.counts.red })),
        (e: unknown) => void message.error(errorMessage(e)),
      ),
    });
  };

  const projectCell = (_: unknown, c: CardDto) => (
    <Flex vertical gap={0}>
      <Typography.Link onClick={() => setOpenId(c.id)}>{c.projectName}</Typography.Link>
      <Typography.Text type="secondary" className="tj-num" style={{ fontSize: 12 }}>{c.projectCode}</Typography.Text>
    </Flex>
  );
  const baseColumns: TableColumnsType<Item> = [
    { title: t('col.project'), key: 'project', width: phone ? 170 : 260, render: projectCell },
    { title: t('col.region'), dataIndex: 'regionName', width: 130, responsive: ['md'] },
    { title: t('col.color'), key: 'color', width: 90, render: (_: unknown, c) => <EffectiveCardTag card={c} /> },
  ];
  const scoreColumn = (sortable: boolean): TableColumnsType<Item>[number] => ({
    title: t('col.score'), dataIndex: 'score', width: 90, align: 'right',
    sorter: sortable, sortOrder: sortable ? (rankDesc ? 'descend' : 'ascend') : undefined, sortDirections: ['descend', 'ascend', 'descend'],
    render: (s: number) => <ScoreText score={s} />,
  });
  const listColumns: TableColumnsType<Item> = [
    ...baseColumns,
    scoreColumn(false),
    { title: t('col.reasons'), key: 'reasons', width: 320, render: (_: unknown, c) => <span style={{ fontSize: 13 }}>{reasons(c) || '—'}</span> },
    { title: t('groupBy.unit'), dataIndex: 'unitName', width: 150, responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    { title: t('groupBy.leader'), dataIndex: 'leaderName', width: 90, responsive: ['xl'], render: (v: string | null) => v ?? '—' },
  ];
  const rankingColumns: TableColumnsType<Item> = [
    { title: t('col.rank'), dataIndex: 'rank', width: 64, align: 'right', render: (r: number) => <span className="tj-num">{r}</span> },
    ...baseColumns,
    scoreColumn(true),
    { title: t('groupBy.unit'), dataIndex: 'unitName', width: 160, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: t('groupBy.leader'), dataIndex: 'leaderName', width: 100, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
  ];

  const onTable = (p: TablePaginationConfig, _f: unknown, s: SorterResult<Item> | SorterResult<Item>[]) => {
    const sorter = Array.isArray(s) ? s[0] : s;
    if (tab === 'ranking' && sorter?.order) {
      const desc = sorter.order === 'descend';
      if (desc !== rankDesc) {
        setRankDesc(desc);
        setPage(1);
        return;
      }
    }
    setPage(p.current ?? 1);
  };
  const table = (columns: TableColumnsType<Item>, empty: string) => (
    <Table<Item>
      rowKey="id"
      size="middle"
      loading={list.isFetching}
      columns={columns}
      dataSource={list.data?.items ?? []}
      onChange={onTable}
      onRow={(c) => ({ onDoubleClick: () => setOpenId(c.id) })}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }}
    />
  );

  const periodOptions = (periods.data ?? []).map((p) => ({ value: p.id, label: `${t('filter.periodValue', { region: p.regionName, label: p.label })}${p.status === 'open' ? t('filter.open') : ''}` }));
  if (month) periodOptions.unshift({ value: MONTH_VIEW, label: t('filter.monthView', { month: formatYearMonth(month) }) });

  return (
    <Flex vertical gap={12}>
      <Card
        title={t('cards.title')}
        extra={
          <Flex gap={8} wrap>
            {isOffice && <Button icon={<ReloadOutlined />} onClick={onRun} disabled={!periodId} loading={run.isPending}>{t('cards.run')}</Button>}
            {isOffice && <Button onClick={onRunMonth} disabled={!shownMonth} loading={runMonth.isPending}>{t('cards.runMonth')}</Button>}
            <Link to="/cards/rules"><Button icon={<SettingOutlined />}>{t('cards.rules')}</Button></Link>
          </Flex>
        }
      >
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <Flex gap={6} align="center">
            <Typography.Text type="secondary">{t('filter.period')}</Typography.Text>
            <Select
              aria-label={t('filter.period')}
              style={{ width: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={periods.isLoading}
              value={periodId ?? (month ? MONTH_VIEW : undefined)}
              onChange={(v: string) => update({ period: v === MONTH_VIEW ? undefined : v })}
              options={periodOptions}
              notFoundContent={t('filter.noPeriods')}
            />
          </Flex>
          <Flex gap={6} align="center">
            <Typography.Text type="secondary">{t('filter.region')}</Typography.Text>
            <RegionTreeSelect aria-label={t('filter.region')} value={region} onChange={(c) => update({ region: c })} style={{ width: 180 }} />
          </Flex>
          <Flex gap={6} align="center">
            <Typography.Text type="secondary">{t('filter.color')}</Typography.Text>
            <Select
              aria-label={t('filter.color')}
              style={{ width: 120 }}
              allowClear
              placeholder={t('filter.allColors')}
              value={color}
              onChange={(v: CardColor | undefined) => update({ color: v })}
              options={CARD_COLORS.map((c) => ({ value: c, label: t(`color.${c}`) }))}
            />
          </Flex>
        </Flex>
        {headline.error && <ErrorAlert error={headline.error} onRetry={() => void headline.refetch()} style={{ marginBottom: 12 }} />}
        <Row gutter={[12, 12]}>
          <Col xs={12} md={6}><CountCard title={t('cards.total')} value={total?.total} active={!color} onClick={() => update({ color: undefined })} /></Col>
          {CARD_COLORS.map((c) => (
            <Col xs={12} md={6} key={c}>
              <CountCard title={t(`color.${c}`)} value={total?.[c]} color={CARD_HEX[c]} active={color === c} onClick={() => update({ color: color === c ? undefined : c })} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card styles={{ body: { paddingTop: 0 } }}>
        {noCards ? (
          <Empty style={{ padding: 32 }} description={<><div>{t('cards.noCards')}</div><Typography.Text type="secondary">{t('cards.noCardsHint')}</Typography.Text></>} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(k) => update({ tab: k === 'list' ? undefined : k })}
            items={[
              { key: 'list', label: t('cards.tabs.list'), children: <>{list.error && <ErrorAlert error={list.error} />}{table(listColumns, t('cards.emptyList'))}</> },
              { key: 'ranking', label: t('cards.tabs.ranking'), children: <>{list.error && <ErrorAlert error={list.error} />}{table(rankingColumns, t('cards.emptyRanking'))}</> },
              {
                key: 'distribution', label: t('cards.tabs.distribution'),
                children: <DistributionTab periodId={periodId} month={month} region={region} groupBy={groupBy} onGroupBy={(g) => update({ groupBy: g === 'region' ? undefined : g })} />,
              },
            ]}
            destroyOnHidden
          />
        )}
      </Card>
      <CardDrawer id={openId} onClose={() => setOpenId(null)} />
    </Flex>
  );
}
