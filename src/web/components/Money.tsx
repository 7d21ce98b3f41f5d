// Money in 万元 from the server, shown as 亿元 from one 亿 upward (or always in one unit if asked).
import { Tooltip } from 'antd';
import { formatMoney, formatWan, formatYi } from '../../domain/money.ts';

export interface MoneyProps {
  /** Decimal string in 万元. */
  value: string | null | undefined;
  /** 'auto' picks 亿元 for large sums. */
  unit?: 'auto' | 'wan' | 'yi';
  /** Show the exact 万元 figure on hover when a rounded 亿元 figure is shown. */
  exactTip?: boolean;
}

export function formatAmount(value: string | null | undefined, unit: MoneyProps['unit'] = 'auto'): string {
  if (unit === 'wan') return formatWan(value);
  if (unit === 'yi') return formatYi(value);
  return formatMoney(value);
}

export default function Money({ value, unit = 'auto', exactTip = true }: MoneyProps) {
  const text = formatAmount(value, unit);
  const showsYi = text.endsWith('亿元');
  const span = <span className="tj-num">{text}</span>;
  if (!exactTip || !showsYi || value == null || value === '') return span;
  return <Tooltip title={formatWan(value, 4).replace(/\.?0+万元$/, '万元')}>{span}</Tooltip>;
}
