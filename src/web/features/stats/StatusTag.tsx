// 超前 / 正常 / 滞后 as a coloured tag; nothing when there is no rate.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatsFigures } from '../../../contract/stats.ts';
import { STATUS_COLORS } from './format.ts';
import { NS } from './i18n.ts';

export default function StatusTag({ status }: { status: StatsFigures['progressStatus'] }) {
  const { t } = useTranslation(NS);
  if (!status) return null;
  return <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}
