// A project's lifecycle stage as a coloured tag: cool colours while preparing, greens when done,
// warm colours for paused and withdrawn so they stand out in a long ledger.
import { Tag } from 'antd';
import type { Stage } from '../../domain/enums.ts';
import { useEnumLabel } from '../i18n/labels.ts';

export const STAGE_COLORS: Record<Stage, string> = {
  reserve: 'default',
  preparation: 'gold',
  started: 'cyan',
  construction: 'blue',
  completed: 'geekblue',
  production: 'green',
  paused: 'orange',
  withdrawn: 'red',
};

export default function StageTag({ stage }: { stage: Stage }) {
  const label = useEnumLabel();
  return (
    <Tag color={STAGE_COLORS[stage]} style={{ marginInlineEnd: 0 }}>
      {label('stage', stage)}
    </Tag>
  );
}
