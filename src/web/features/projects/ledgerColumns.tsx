// The ledger's columns, which ones the user chose to see (kept in localStorage), and the
// column chooser.
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Popover, Space, Tag } from 'antd';
import type { TableColumnType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Project } from '../../api/types.ts';
import DateText from '../../components/DateText.tsx';
import Money from '../../components/Money.tsx';
import StageTag from '../../components/StageTag.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import type { SortField } from './ledgerQuery.ts';

export interface LedgerColumn {
  key: string;
  title: string;
  sortField?: SortField;
  width?: number;
  align?: 'left' | 'right' | 'center';
  defaultVisible: boolean;
  /** Always shown; not offered in the chooser. */
  fixed?: boolean;
  render: (p: Project) => React.ReactNode;
}

type ColumnSpec = Omit<LedgerColumn, 'title'> & { titleKey: string };

export function useLedgerColumns(year: number): LedgerColumn[] {
  const label = useEnumLabel();
  const { t } = useTranslation();
  const specs: ColumnSpec[] = [
    { key: 'code', titleKey: 'field.code', sortField: 'code', width: 112, defaultVisible: true, render: (p) => <span className="tj-num">{p.code}</span> },
    {
      key: 'name', titleKey: 'field.name', sortField: 'name', width: 210, defaultVisible: true, fixed: true,
      render: (p) => (
        <Link to={`/projects/${p.id}`} onClick={(e) => e.stopPropagation()} aria-label={t('ledger.openCard', { name: p.name })}>
          {p.name}
        </Link>
      ),
    },
    { key: 'region', titleKey: 'ledger.region', sortField: 'regionCode', width: 90, defaultVisible: true, render: (p) => p.regionName },
    { key: 'level', titleKey: 'ledger.level', sortField: 'level', width: 64, defaultVisible: true, render: (p) => label('level', p.level) },
    { key: 'category', titleKey: 'ledger.category', width: 100, defaultVisible: false, render: (p) => label('category', p.category) },
    { key: 'industry', titleKey: 'ledger.industry', width: 140, defaultVisible: false, render: (p) => label('industry', p.industry) },
    { key: 'stage', titleKey: 'ledger.stage', sortField: 'stage', width: 76, align: 'center', defaultVisible: true, render: (p) => <StageTag stage={p.stage} /> },
    { key: 'totalInvestment', titleKey: 'field.totalInvestment', sortField: 'totalInvestment', width: 104, align: 'right', defaultVisible: true, render: (p) => <Money value={p.totalInvestment} /> },
    {
      key: 'annualPlan', titleKey: 'field.annualPlan', sortField: 'annualPlan', width: 124, align: 'right', defaultVisible: true,
      render: (p) => <Money value={p.annualPlan} />,
    },
    { key: 'plannedStart', titleKey: 'field.plannedStart', sortField: 'plannedStart', width: 96, defaultVisible: true, render: (p) => <DateText value={p.plannedStart} month /> },
    { key: 'plannedCompletion', titleKey: 'field.plannedCompletion', sortField: 'plannedCompletion', width: 96, defaultVisible: false, render: (p) => <DateText value={p.plannedCompletion} month /> },
    { key: 'leaderName', titleKey: 'field.leaderName', width: 80, defaultVisible: true, render: (p) => p.leaderName ?? '—' },
    { key: 'responsibleUnit', titleKey: 'field.responsibleUnit', width: 150, defaultVisible: true, render: (p) => p.responsibleUnit ?? '—' },
    { key: 'owner', titleKey: 'field.owner', width: 200, defaultVisible: false, render: (p) => p.owner ?? '—' },
    {
      key: 'tags', titleKey: 'field.tags', width: 180, defaultVisible: false,
      render: (p) => (p.tags.length ? p.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'),
    },
    { key: 'updatedAt', titleKey: 'field.updatedAt', sortField: 'updatedAt', width: 120, defaultVisible: false, render: (p) => <DateText value={p.updatedAt.slice(0, 10)} /> },
  ];
  return specs.map((c) => ({ ...c, title: c.key === 'annualPlan' ? t('ledger.annualColumn', { year }) : t(c.titleKey) }));
}

const STORAGE_KEY = 'tuijin.ledger.columns.v1';

export function useVisibleColumns(columns: LedgerColumn[]) {
  const defaults = columns.filter((c) => c.defaultVisible).map((c) => c.key);
  const [keys, setKeys] = useState<string[]>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
      if (Array.isArray(saved) && saved.every((k) => typeof k === 'string')) return saved as string[];
    } catch {
      // Corrupt or unavailable storage: fall back to the defaults.
    }
    return defaults;
  });
  const save = (next: string[] | null) => {
    const value = next ?? defaults;
    setKeys(value);
    try {
      if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  };
  const visible = columns.filter((c) => c.fixed || keys.includes(c.key));
  return { visible, keys, save };
}

export function ColumnChooser({ columns, keys, onChange }: { columns: LedgerColumn[]; keys: string[]; onChange: (keys: string[] | null) => void }) {
  const { t } = useTranslation();
  const choosable = columns.filter((c) => !c.fixed);
  const content = (
    <div style={{ width: 220 }}>
      <Checkbox.Group
        value={keys}
        onChange={(v) => onChange(v as string[])}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={choosable.map((c) => ({ value: c.key, label: c.title }))}
      />
      <Divider style={{ margin: '10px 0' }} />
      <Space>
        <Button size="small" onClick={() => onChange(null)}>{t('ledger.columnsReset')}</Button>
      </Space>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('ledger.columns')}>
      <Button icon={<SettingOutlined />}>{t('ledger.columns')}</Button>
    </Popover>
  );
}

export type { TableColumnType };
