// The gap between completion rate and time-elapsed progress: a bar left (behind) or right (ahead)
// of a centre line, coloured by progress status, with the signed percentage points beside it.
import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatsFigures } from '../../../contract/stats.ts';
import { STATUS_HEX, signedPoints } from './format.ts';
import { NS } from './i18n.ts';

/** Gaps beyond ±30 points fill the half-track. */
const FULL_SCALE = 0.3;
const HALF = 36;

export default function GapBar({ gap, status }: { gap: number | null; status: StatsFigures['progressStatus'] }) {
  const { t } = useTranslation(NS);
  const text = signedPoints(gap);
  if (gap == null || text == null) return <span>—</span>;
  const color = STATUS_HEX[status ?? 'on_schedule'];
  const width = Math.max(1, Math.round((Math.min(Math.abs(gap), FULL_SCALE) / FULL_SCALE) * HALF));
  return (
    <Flex align="center" gap={6} justify="flex-end" title={t('pp', { value: text })}>
      <span className="tj-num" style={{ color, minWidth: 44, textAlign: 'right' }}>{text}</span>
      <span aria-hidden style={{ position: 'relative', display: 'inline-block', width: HALF * 2, height: 10, background: '#f0f0f0', borderRadius: 2 }}>
        <span style={{ position: 'absolute', left: HALF, top: -2, bottom: -2, width: 1, background: '#8c8c8c' }} />
        <span
          style={{
            position: 'absolute', top: 1, height: 8, background: color, borderRadius: 1, width,
            left: gap < 0 ? HALF - width : HALF + 1,
          }}
        />
      </span>
    </Flex>
  );
}
