// An amount in 万元 typed as text, so exact decimals survive ("12500.5", "1.2亿" is accepted too).
import { Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { parseMoney } from '../../domain/money.ts';

export interface MoneyInputProps {
  value?: string | null;
  onChange?: (value: string) => void;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
  style?: React.CSSProperties;
  onPressEnter?: () => void;
}

export default function MoneyInput({ value, onChange, style, ...rest }: MoneyInputProps) {
  const { t } = useTranslation();
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value)}
      suffix={<span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('common.unit.wan')}</span>}
      style={{ textAlign: 'right', ...style }}
    />
  );
}

/** Form rule: empty is allowed unless `required`; otherwise a non-negative amount in 万元. */
export function useMoneyRule() {
  const { t } = useTranslation();
  return (): Rule => ({
    validator: async (_r, v: unknown) => {
      if (v == null || v === '') return;
      if (!parseMoney(v).ok) throw new Error(t('common.moneyInvalid'));
    },
  });
}

/** Normalises what the user typed ("1.2亿" → "12000") before it is sent. */
export function normalizeMoneyInput(v: string | null | undefined): string | null {
  if (v == null || String(v).trim() === '') return null;
  const r = parseMoney(v);
  return r.ok ? r.value : String(v);
}
