// 亮牌记录: the project's cards period by period (newest first) — colour, score, the effective colour
// with the office's override note; a click opens the indicators that made the card.
import { Button, Empty, Flex, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ErrorAlert from '../../../components/ErrorAlert.tsx';
import CardDrawer from '../../cards/CardDrawer.tsx';
import { useProjectCards } from '../../cards/cards.api.ts';
import { NS } from '../../cards/i18n.ts';
import { CARD_HEX, EffectiveCardTag, useCardReasons } from '../../cards/parts.tsx';

export default function CardsTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation(NS);
  const cards = useProjectCards(projectId);
  const reasons = useCardReasons();
  const [openId, setOpenId] = useState<string | null>(null);

  if (cards.isLoading) return <Spin />;
  if (cards.error) return <ErrorAlert error={cards.error} onRetry={() => void cards.refetch()} />;
  const items = [...(cards.data ?? [])].sort((a, b) => b.year - a.year || b.month - a.month || b.periodLabel.localeCompare(a.periodLabel));
  if (items.length === 0) return <Empty description={t('timeline.empty')} />;

  return (
    <>
      <Timeline
        style={{ marginTop: 16, maxWidth: 820 }}
        items={items.map((c) => ({
          key: c.id,
          color: CARD_HEX[c.effectiveColor],
          title: <span className="tj-num" style={{ whiteSpace: 'nowrap' }}>{c.periodLabel}</span>,
          content: (
            <Flex vertical gap={2}>
              <Flex gap={12} align="center" wrap>
                <EffectiveCardTag card={c} />
                <Typography.Text className="tj-num">{t('timeline.scoreValue', { score: c.score.toFixed(1) })}</Typography.Text>
                <Button size="small" type="link" onClick={() => setOpenId(c.id)}>{t('timeline.viewIndicators')}</Button>
              </Flex>
              {reasons(c) && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{reasons(c)}</Typography.Text>}
              {c.overrideColor && (
                <Typography.Text style={{ fontSize: 12 }}>
                  {t('timeline.override', { reason: c.overrideReason ?? '' })}（{t('timeline.computedWas', { color: t(`color.${c.color}`) })}）
                </Typography.Text>
              )}
            </Flex>
          ),
        }))}
        titleSpan={3}
        mode="start"
      />
      <CardDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
