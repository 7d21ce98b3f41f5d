// The headline figures of the region and period, each with its definition in a tooltip.
import { Card, Col, Flex, Row, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsFigures, StatsRow } from '../../../contract/stats.ts';
import Money, { formatAmount } from '../../components/Money.tsx';
import { formatRate, signedPoints } from './format.ts';
import { NS } from './i18n.ts';
import StatusTag from './StatusTag.tsx';

interface FigureCardProps {
  title: string;
  definition: ReactNode;
  value: ReactNode;
  extra?: ReactNode;
  testId: string;
}

function FigureCard({ title, definition, value, extra, testId }: FigureCardProps) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`stats-card-${testId}`}>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">
          {title}{' '}
          <Tooltip title={definition} styles={{ root: { maxWidth: 420 } }}>
            <QuestionCircleOutlined aria-label={typeof definition === 'string' ? definition : title} style={{ cursor: 'help' }} />
          </Tooltip>
        </Typography.Text>
        <div className="tj-num" style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.3 }}>{value}</div>
        {extra && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{extra}</Typography.Text>}
      </Flex>
    </Card>
  );
}

export interface HeadlineCardsProps {
  total: StatsRow;
  tolerance: number;
}

export default function HeadlineCards({ total, tolerance }: HeadlineCardsProps) {
  const { t } = useTranslation(NS);
  const last = total.lastYear;
  const lastRate = (pick: (f: StatsFigures) => number | null) => (last ? t('card.lastYear', { value: formatRate(pick(last)) }) : null);
  const counts = (reached: number, due: number) => t('card.counts', { reached, due });
  const line = (...parts: (string | null)[]) => parts.filter(Boolean).join(' · ');
  const gap = signedPoints(total.gap);

  const wide = { xs: 24, md: 24, lg: 8 };
  const four = { xs: 12, md: 12, lg: 6 };
  const small = { xs: 12, md: 6, lg: 4 };

  return (
    <Flex vertical gap={12}>
      <Row gutter={[12, 12]}>
        <Col {...four}>
          <FigureCard testId="projectCount" title={t('card.projectCount')} definition={t('def.projectCount')} value={total.projectCount}
            extra={t('card.reported', { count: total.reportedCount })} />
        </Col>
        <Col {...four}>
          <FigureCard testId="totalInvestment" title={t('card.totalInvestment')} definition={t('def.totalInvestment')}
            value={<Money value={total.totalInvestment} />} extra={t('card.cumulative', { value: formatAmount(total.cumulativeInvestment) })} />
        </Col>
        <Col {...four}>
          <FigureCard testId="annualPlan" title={t('card.annualPlan')} definition={t('def.annualPlan')} value={<Money value={total.annualPlan} />}
            extra={last ? t('card.lastYear', { value: formatAmount(last.annualPlan) }) : null} />
        </Col>
        <Col {...four}>
          <FigureCard testId="ytdInvestment" title={t('card.ytdInvestment')} definition={t('def.ytdInvestment')}
            value={<Money value={total.ytdInvestment} />}
            extra={line(t('card.monthInvestment', { value: formatAmount(total.monthInvestment) }), last ? t('card.lastYear', { value: formatAmount(last.ytdInvestment) }) : null)} />
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col {...wide}>
          <FigureCard
            testId="completion"
            title={t('card.completion')}
            definition={<>{t('def.completion')}<br />{t('def.timeElapsed')}<br />{t('def.gap', { tolerance: Math.round(tolerance * 1000) / 10 })}</>}
            value={
              <Flex align="baseline" gap={8} wrap>
                <span>{formatRate(total.annualCompletionRate)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
                  {t('card.timeElapsed')} {formatRate(total.timeElapsed)}
                </Typography.Text>
                <StatusTag status={total.progressStatus} />
              </Flex>
            }
            extra={line(gap == null ? null : `${t('card.gap')} ${t('pp', { value: gap })}`, lastRate((f) => f.annualCompletionRate))}
          />
        </Col>
        <Col {...small}>
          <FigureCard testId="fundArrival" title={t('card.fundArrival')} definition={t('def.fundArrival')} value={formatRate(total.fundArrivalRate)}
            extra={line(formatAmount(total.ytdFundsArrived), lastRate((f) => f.fundArrivalRate))} />
        </Col>
        <Col {...small}>
          <FigureCard testId="startRate" title={t('card.startRate')} definition={t('def.startRate')} value={formatRate(total.startRate)}
            extra={line(counts(total.started, total.dueToStart), lastRate((f) => f.startRate))} />
        </Col>
        <Col {...small}>
          <FigureCard testId="onTimeCompletionRate" title={t('card.onTimeCompletionRate')} definition={t('def.onTimeCompletionRate')}
            value={formatRate(total.onTimeCompletionRate)}
            extra={line(counts(total.completedOnTime, total.dueToComplete), lastRate((f) => f.onTimeCompletionRate))} />
        </Col>
        <Col {...small}>
          <FigureCard testId="productionRate" title={t('card.productionRate')} definition={t('def.productionRate')}
            value={formatRate(total.productionRate)}
            extra={line(counts(total.producing, total.dueToProduce), lastRate((f) => f.productionRate))} />
        </Col>
      </Row>
    </Flex>
  );
}
