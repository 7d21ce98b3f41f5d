// Cards (distribution and the red list), roadblocks (open, overdue, escalated by level) and the
// year's batch events — each leading to the page that handles it.
import { Col, Empty, Flex, Progress, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CockpitResult } from '../../../contract/cockpit.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import { formatAmount } from '../../components/Money.tsx';
import { CARD_HEX, useCardReasons } from '../cards/parts.tsx';
import { formatRate } from '../stats/format.ts';
import EChart from '../../components/EChart.tsx';
import { POINTER, cardsOption, type Theme } from './charts.ts';
import { hrefs, type Drill } from './drill.ts';
import { NS } from './i18n.ts';
import Panel, { Figure } from './Panel.tsx';

interface Props {
  data: CockpitResult;
  theme: Theme;
  drill: Drill;
}

const COLORS = ['blue', 'yellow', 'red'] as const;

/** A row of a list that leads somewhere, on both themes. */
function LinkRow({ theme, onClick, children }: { theme: Theme; onClick: () => void; children: React.ReactNode }) {
  return (
    <div
      role="link"
      tabIndex={0}
      onClick={onClick}
      onKeyDown={(e) => { if (e.key === 'Enter') onClick(); }}
      style={{ padding: `${6 * theme.scale}px 4px`, borderBottom: `1px solid ${theme.line}`, cursor: 'pointer', minWidth: 0 }}
    >
      {children}
    </div>
  );
}

export function CardsPanel({ data, theme, drill, listMax }: Props & { listMax?: number }) {
  const { t } = useTranslation(NS);
  const reasons = useCardReasons();
  const links = hrefs(data);
  const { total, red } = data.cards;
  const names = useMemo(() => ({ blue: t('cards.blue'), yellow: t('cards.yellow'), red: t('cards.red') }), [t]);
  const option = useMemo(() => cardsOption(total, theme, names), [total, theme, names]);
  const s = theme.scale;
  const shown = listMax ? red.slice(0, listMax) : red;
  return (
    <Panel
      theme={theme}
      testId="cockpit-cards"
      title={data.cards.periodLabel ? `${t('cards.title')} · ${data.cards.periodLabel}` : t('cards.title')}
      extra={!theme.dark && <a onClick={() => drill.go(links.cards())}>{t('cards.all')}</a>}
    >
      {total.total === 0 ? <Empty description={t('cards.none')} /> : (
        <Row gutter={[12, 12]} style={theme.dark ? { flex: 1, minHeight: 0 } : undefined}>
          <Col xs={24} md={9} span={theme.dark ? 9 : undefined} style={{ minHeight: theme.dark ? 0 : undefined }}>
            <Flex vertical style={{ height: '100%' }}>
              <div style={{ flex: 1, minHeight: theme.dark ? 0 : 180 }}>
                <EChart
                  aria-label={COLORS.map((c) => `${names[c]} ${total[c]}`).join('，')}
                  height={theme.dark ? '100%' : 180}
                  option={option}
                  theme={theme.echarts}
                  style={POINTER}
                  onClick={({ dataIndex }) => drill.go(links.cards(COLORS[dataIndex]))}
                />
              </div>
              <Flex justify="center" gap={12 * s} wrap>
                {COLORS.map((c) => (
                  <a key={c} onClick={() => drill.go(links.cards(c))} style={{ color: theme.text, fontSize: 13 * s, whiteSpace: 'nowrap' }}>
                    <span style={{ display: 'inline-block', width: 10 * s, height: 10 * s, borderRadius: 2, background: CARD_HEX[c], marginRight: 4 }} />
                    {names[c]} <span className="tj-num" style={{ fontWeight: 600 }}>{total[c]}</span>
                  </a>
                ))}
              </Flex>
            </Flex>
          </Col>
          <Col xs={24} md={15} span={theme.dark ? 15 : undefined} style={{ minWidth: 0, overflow: 'hidden' }}>
            <div style={{ color: theme.subtext, fontSize: 13 * s, marginBottom: 4 }}>
              {t('cards.redList')}（{t('cards.total', { count: total.red })}）
            </div>
            {shown.length === 0 && <div style={{ color: theme.subtext }}>{t('cards.noRed')}</div>}
            {shown.map((c) => (
              <LinkRow key={c.cardId} theme={theme} onClick={() => drill.go(links.project(c.projectId))}>
                <Flex justify="space-between" gap={8}>
                  <span style={{ color: theme.text, fontSize: 14 * s, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    <span style={{ color: CARD_HEX.red, marginRight: 6 }}>●</span>{c.projectName}
                  </span>
                  <span className="tj-num" style={{ color: theme.subtext, fontSize: 12 * s, whiteSpace: 'nowrap' }}>
                    {c.regionName} · {t('cards.score', { score: c.score.toFixed(1) })}
                  </span>
                </Flex>
                <div style={{ color: theme.subtext, fontSize: 12 * s, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {c.overridden ? c.reason : reasons({ color: 'red', indicators: c.indicators }) || c.reason}
                </div>
              </LinkRow>
            ))}
          </Col>
        </Row>
      )}
    </Panel>
  );
}

export function RoadblocksPanel({ data, theme, drill }: Props) {
  const { t } = useTranslation(NS);
  const links = hrefs(data);
  const r = data.roadblocks;
  const maxLevel = Math.max(1, ...r.byLevel.map((l) => l.open));
  const s = theme.scale;
  return (
    <Panel theme={theme} title={t('roadblocks.title')} testId="cockpit-roadblocks" extra={!theme.dark && <a onClick={() => drill.go(links.problems())}>{t('roadblocks.all')}</a>}>
      <Row gutter={[12, 12]}>
        <Col span={8}><Figure theme={theme} label={t('roadblocks.open')} value={r.total.open} onClick={() => drill.go(links.problems())} testId="roadblocks-open" /></Col>
        <Col span={8}><Figure theme={theme} label={t('roadblocks.overdue')} value={r.total.overdue} color={r.total.overdue ? '#f5222d' : undefined} onClick={() => drill.go(links.problems({ overdue: 'true' }))} testId="roadblocks-overdue" /></Col>
        <Col span={8}><Figure theme={theme} label={t('roadblocks.escalated')} value={r.escalated} color={r.escalated ? '#fa8c16' : undefined} onClick={() => drill.go(links.problems({ minLevel: '1' }))} testId="roadblocks-escalated" /></Col>
      </Row>
      <div style={{ marginTop: 10 * s }}>
        <div style={{ color: theme.subtext, fontSize: 12 * s }}>{t('roadblocks.byLevel')}</div>
        {r.byLevel.map((l) => (
          <LinkRow key={l.level} theme={theme} onClick={() => drill.go(links.problems({ minLevel: String(l.level) }))}>
            <Flex align="center" gap={8}>
              <span style={{ color: theme.text, fontSize: 13 * s, width: 130 * s, flex: 'none' }}>{l.label}</span>
              <Progress percent={(l.open / maxLevel) * 100} showInfo={false} strokeColor={l.level === 3 ? '#f5222d' : '#fa8c16'} railColor={theme.muted} size="small" style={{ flex: 1, margin: 0 }} />
              <span className="tj-num" style={{ color: theme.text, fontSize: 14 * s, width: 28 * s, textAlign: 'right' }}>{l.open}</span>
            </Flex>
          </LinkRow>
        ))}
      </div>
      <div style={{ color: theme.subtext, fontSize: 12 * s, marginTop: 8 }}>
        {t('roadblocks.solved')} <span className="tj-num">{r.total.solved}</span> · {t('roadblocks.onTime')} <span className="tj-num">{formatRate(r.total.onTimeRate)}</span>
      </div>
    </Panel>
  );
}

export function BatchesPanel({ data, theme, drill }: Props) {
  const { t } = useTranslation(NS);
  const links = hrefs(data);
  const { items, totals } = data.batches;
  const s = theme.scale;
  return (
    <Panel theme={theme} title={t('batches.title', { year: data.year })} testId="cockpit-batches">
      <Row gutter={[12, 12]}>
        {totals.map((k) => (
          <Col span={12} key={k.kind}>
            <Figure
              theme={theme}
              label={`${t(`batches.${k.kind}`)} · ${t('batches.events', { count: k.events })}`}
              value={formatAmount(k.totalInvestment)}
              sub={t('batches.projects', { count: k.projectCount })}
            />
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 8 * s }}>
        {items.length === 0 && <div style={{ color: theme.subtext }}>{t('batches.none')}</div>}
        {items.map((b) => (
          <LinkRow key={b.id} theme={theme} onClick={() => drill.go(links.batch(b.id))}>
            <Flex justify="space-between" gap={8}>
              <span style={{ color: theme.text, fontSize: 13 * s, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                <span className="tj-num" style={{ color: theme.subtext, marginRight: 6 }}>{formatDateZh(b.eventDate)}</span>{b.name}
              </span>
              <span className="tj-num" style={{ color: theme.subtext, fontSize: 12 * s, whiteSpace: 'nowrap' }}>
                {b.projectCount === b.eventProjectCount
                  ? t('batches.projects', { count: b.projectCount })
                  : `${t('batches.projects', { count: b.eventProjectCount })}，${t('batches.part', { count: b.projectCount })}`}
                {' · '}{formatAmount(b.totalInvestment)}
              </span>
            </Flex>
          </LinkRow>
        ))}
      </div>
    </Panel>
  );
}
