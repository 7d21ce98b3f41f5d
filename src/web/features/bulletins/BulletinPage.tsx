// One bulletin: its number, title and office as issued, the frozen figures (as on the Word
// document), what differs in the figures now, and the Word and Excel downloads.
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Card, Descriptions, Flex, Grid, Result, Skeleton, Statistic, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, LoadingOutlined } from '@ant-design/icons';
import type { BulletinDetail } from '../../../contract/bulletins.ts';
import { gapCell, openingOf, subRegionWord } from '../../../domain/bulletin.ts';
import { chinaDateTime, formatDateZh } from '../../../domain/dates.ts';
import { formatRate } from '../../../domain/kpi.ts';
import { formatYi } from '../../../domain/money.ts';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { useBulletin, useBulletinChanges } from './bulletins.api.ts';
import { BatchesBlock, CardList, CardRegionsTable, ProblemsTable, RegionsTable } from './BulletinSections.tsx';
import Downloads from './Downloads.tsx';
import './i18n.ts';

function Changes({ b }: { b: BulletinDetail }) {
  const { t } = useTranslation();
  const { data, error } = useBulletinChanges(b.id);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Alert type="info" showIcon icon={<LoadingOutlined />} title={t('bulletins.detail.comparing')} />;
  const { items, moreProjects, computedAt } = data;
  const at = t('bulletins.detail.computedAt', { at: chinaDateTime(computedAt) });
  if (!items.length && !moreProjects) return <Alert type="success" showIcon title={t('bulletins.detail.unchanged')} description={at} />;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('bulletins.detail.changedTitle', { count: items.length + moreProjects })}
      description={(
        <Flex vertical gap={2}>
          <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 220, overflowY: 'auto' }}>
            {items.map((c, i) => <li key={i}>{c.text}</li>)}
          </ul>
          {moreProjects > 0 && <Typography.Text type="secondary">{t('bulletins.detail.moreProjects', { count: moreProjects })}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{at}</Typography.Text>
        </Flex>
      )}
    />
  );
}

export default function BulletinPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { data: b, isLoading, error } = useBulletin(id);
  if (isLoading) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (error || !b) return error ? <ErrorAlert error={error} /> : <Result status="404" />;
  const f = b.figures;
  const tot = f.total;
  const counts = f.cards.counts;

  return (
    <Flex vertical gap={16}>
      <Link to="/bulletins"><ArrowLeftOutlined /> {t('bulletins.action.back')}</Link>
      <Card>
        <Flex vertical align="center" gap={4} style={{ textAlign: 'center' }}>
          <Typography.Text style={{ color: '#cf1322', fontSize: screens.md ? 22 : 17, fontWeight: 600, letterSpacing: 1 }}>{b.issuingOffice}</Typography.Text>
          <Typography.Text className="tj-num">{b.number}</Typography.Text>
          <div style={{ borderTop: '2px solid #cf1322', width: '100%', margin: '8px 0 12px' }} />
          <Typography.Title level={screens.md ? 3 : 4} style={{ margin: 0 }}>{b.title}</Typography.Title>
        </Flex>
        <Flex justify="center" style={{ margin: '16px 0' }}><Downloads id={b.id} size="middle" /></Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
          {
            key: 'period', label: t('bulletins.detail.period'),
            children: b.periodId || !f.periods
              ? `${b.regionName} ${b.periodLabel}`
              : t('bulletins.detail.monthOf', { region: b.regionName, label: b.periodLabel, count: f.periods.length }),
          },
          { key: 'on', label: t('bulletins.detail.issuedOn'), children: formatDateZh(f.issuedOn) },
          { key: 'trigger', label: t('bulletins.detail.trigger'), children: <Tag color={b.trigger === 'period_close' ? 'purple' : 'default'}>{t(`bulletins.trigger.${b.trigger}`)}</Tag> },
          { key: 'lines', label: t('bulletins.detail.projectLines'), children: b.projectLines },
        ]} />
      </Card>

      <Changes b={b} />

      <Card title={t('bulletins.detail.opening')} extra={!screens.xs && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('bulletins.detail.frozen')}</Typography.Text>}>
        <Flex wrap gap={screens.md ? 40 : 20} style={{ marginBottom: 16 }}>
          <Statistic title={t('bulletins.fig.projectCount')} value={tot.projectCount} />
          <Statistic title={t('bulletins.fig.ytdInvestment')} value={formatYi(tot.ytdInvestment)} />
          <Statistic title={t('bulletins.fig.rate')} value={formatRate(tot.annualCompletionRate)} />
          <Statistic
            title={t('bulletins.fig.gap')}
            value={t('bulletins.fig.points', { value: gapCell(tot.gap) })}
            styles={{ content: { color: tot.gap != null && tot.gap < 0 ? '#cf1322' : '#389e0d' } }}
          />
          <Statistic title={t('bulletins.fig.fundArrivalRate')} value={formatRate(tot.fundArrivalRate)} />
        </Flex>
        <Typography.Paragraph style={{ fontSize: 15, lineHeight: 1.9, textIndent: '2em', marginBottom: 0 }}>{openingOf(f)}</Typography.Paragraph>
      </Card>

      <Card title={t('bulletins.detail.regions', { word: subRegionWord(f.region.level) })}>
        <RegionsTable f={f} />
      </Card>

      <Card title={t('bulletins.detail.cards')} extra={counts.total > 0 && (
        <Flex gap={4}><Tag color="red">{counts.red}</Tag><Tag color="gold">{counts.yellow}</Tag><Tag color="blue">{counts.blue}</Tag></Flex>
      )}>
        {counts.total === 0 ? <Typography.Text type="secondary">{t('bulletins.detail.noCards')}</Typography.Text> : f.cards.named === false ? (
          <Flex vertical gap={12}>
            <CardRegionsTable f={f} />
            <Typography.Text type="secondary">{t('bulletins.detail.namedInAnnex')}</Typography.Text>
          </Flex>
        ) : (
          <Flex vertical gap={12}>
            <Typography.Title level={5} style={{ margin: 0 }}>{t('bulletins.detail.red', { count: f.cards.red.length })}</Typography.Title>
            <CardList cards={f.cards.red} />
            <Typography.Title level={5} style={{ margin: 0 }}>{t('bulletins.detail.yellow', { count: f.cards.yellow.length })}</Typography.Title>
            <CardList cards={f.cards.yellow} />
          </Flex>
        )}
      </Card>

      <Card title={t('bulletins.detail.problems', { date: formatDateZh(f.problems.asOf) })}>
        <ProblemsTable f={f} />
      </Card>

      <Card title={t('bulletins.detail.batches')}>
        <BatchesBlock f={f} />
      </Card>
    </Flex>
  );
}
