// Small pieces shared by the card pages: the coloured card tag and dot, and indicator values in words.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CardDto, CardIndicatorDto } from '../../../contract/cards.ts';
import type { CardColor } from '../../../domain/cards.ts';
import { NS } from './i18n.ts';

export const CARD_HEX: Record<CardColor, string> = { blue: '#1677ff', yellow: '#faad14', red: '#f5222d' };
const TAG_COLOR: Record<CardColor, string> = { blue: 'blue', yellow: 'gold', red: 'red' };

export function CardTag({ color, short = false }: { color: CardColor; short?: boolean }) {
  const { t } = useTranslation(NS);
  return <Tag color={TAG_COLOR[color]} style={{ marginInlineEnd: 0 }}>{t(short ? `colorShort.${color}` : `color.${color}`)}</Tag>;
}

export function ColorDot({ color, size = 10 }: { color: CardColor | null; size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block', width: size, height: size, borderRadius: '50%', verticalAlign: 'middle',
        background: color ? CARD_HEX[color] : 'transparent', border: color ? 'none' : '1px solid #bfbfbf',
      }}
    />
  );
}

/** The effective card, with the computed colour beside it when the office overrode it. */
export function EffectiveCardTag({ card }: { card: Pick<CardDto, 'color' | 'effectiveColor' | 'overrideColor' | 'overrideReason'> }) {
  const { t } = useTranslation(NS);
  if (!card.overrideColor) return <CardTag color={card.color} />;
  return (
    <Tooltip title={<>{t('cards.overriddenTip', { color: t(`color.${card.color}`), override: t(`color.${card.overrideColor}`) })}{card.overrideReason && <div>{card.overrideReason}</div>}</>}>
      <span style={{ whiteSpace: 'nowrap', display: 'inline-flex', gap: 4, alignItems: 'center' }}>
        <CardTag color={card.effectiveColor} />
        <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
          ({t('cards.overridden')} · <s>{t(`colorShort.${card.color}`)}</s>)
        </span>
      </span>
    </Tooltip>
  );
}

/** An indicator's value in words: the gap in points, months overdue, periods missing, roadblocks overdue. */
export function useIndicatorValue() {
  const { t, i18n } = useTranslation(NS);
  const en = i18n.language?.startsWith('en');
  return (ind: CardIndicatorDto): string => {
    if (ind.value == null) return t('detail.notApplicable');
    switch (ind.name) {
      case 'investment': {
        const pts = Math.round(Math.abs(ind.value) * 1000) / 10;
        if (pts === 0) return en ? 'On schedule' : '与序时进度持平';
        if (ind.value > 0) return en ? `${pts} pts behind` : `落后 ${pts} 个百分点`;
        return en ? `${pts} pts ahead` : `超前 ${pts} 个百分点`;
      }
      case 'start':
      case 'completion':
      case 'production':
      {
        const months = Math.round(ind.value * 10) / 10;
        return en ? (months > 0 ? `${months} months overdue` : 'On time') : months > 0 ? `逾期 ${months} 个月` : '按期';
      }
      case 'reporting':
        return en ? (ind.value > 0 ? `${ind.value} missing running` : 'On time') : ind.value > 0 ? `连续缺报 ${ind.value} 期` : '按时填报';
      case 'problems':
        return en ? (ind.value > 0 ? `${ind.value} overdue` : 'None overdue') : ind.value > 0 ? `逾期问题 ${ind.value} 个` : '无逾期问题';
    }
  };
}

/** The indicators that gave the card its colour (the worst ones), as a short line. */
export function useCardReasons() {
  const { t } = useTranslation(NS);
  const value = useIndicatorValue();
  return (card: Pick<CardDto, 'color' | 'indicators'>): string =>
    card.indicators
      .filter((i) => i.color === card.color && card.color !== 'blue')
      .map((i) => `${t(`indicator.${i.name}`)}${t('cards.colon')}${value(i)}`)
      .join(t('cards.sep'));
}

export function ScoreText({ score }: { score: number }) {
  return <span className="tj-num">{score.toFixed(1)}</span>;
}
