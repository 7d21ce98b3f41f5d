// Small pieces the roadblock pages share: status, severity and ladder tags, the deadline cell,
// and a multi-select of departments.
import { Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemSummaryDto } from '../../../contract/problems.ts';
import type { ProblemSeverity, ProblemStatus } from '../../../domain/problems.ts';
import type { Role } from '../../../domain/enums.ts';
import { useOrgs } from '../../api/lookups.ts';
import DateText from '../../components/DateText.tsx';
import { NS } from './i18n.ts';

/** Roles that may download the city dispatch meeting list and see the whole region. */
export const OFFICE_ROLES: readonly Role[] = ['admin', 'office'];
/** Roles that only read (never raise). */
export const READ_ONLY_ROLES: readonly Role[] = ['viewer', 'auditor'];

const STATUS_COLORS: Record<ProblemStatus, string> = {
  open: 'orange', accepted: 'blue', solved: 'cyan', closed: 'green', reopened: 'magenta',
};
const SEVERITY_COLORS: Record<ProblemSeverity, string> = { general: 'default', major: 'gold', critical: 'red' };
const LEVEL_COLORS = ['default', 'gold', 'orange', 'red'];

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  const { t } = useTranslation(NS);
  return <Tag color={STATUS_COLORS[status]}>{t(`enum.status.${status}`)}</Tag>;
}

export function SeverityTag({ severity }: { severity: ProblemSeverity }) {
  const { t } = useTranslation(NS);
  return <Tag color={SEVERITY_COLORS[severity]}>{t(`enum.severity.${severity}`)}</Tag>;
}

export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation(NS);
  return <Tag color={LEVEL_COLORS[level] ?? 'default'}>{level} · {t(`enum.level.${level}`)}</Tag>;
}

/** Accept-by date while waiting for acceptance, else the committed due date; 逾期 with working days. */
export function DeadlineCell({ p }: { p: ProblemSummaryDto }) {
  const { t } = useTranslation(NS);
  const waiting = p.status === 'open' || p.status === 'reopened';
  const date = waiting ? p.acceptDue : p.dueDate;
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{waiting ? t('acceptBy') : t('dueBy')}</Typography.Text>{' '}
      <DateText value={date} />
      {p.overdue && (
        <div>
          <Tag color="red" style={{ marginInlineEnd: 4 }}>{t('overdue')}</Tag>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('overdueDays', { count: p.overdueWorkdays })}</Typography.Text>
        </div>
      )}
    </div>
  );
}

/** Organisations of kind 'department', several at once (co-handling departments). */
export function DepartmentsSelect({ value, onChange, placeholder, exclude, id }: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder?: string;
  exclude?: string | null;
  id?: string;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed), 250);
    return () => clearTimeout(h);
  }, [typed]);
  const orgs = useOrgs(q, 'department');
  // Keep the labels of chosen departments when a new search no longer returns them.
  const [known, setKnown] = useState<Record<string, string>>({});
  useEffect(() => {
    if (orgs.data) setKnown((k) => ({ ...k, ...Object.fromEntries(orgs.data.map((o) => [o.id, o.name])) }));
  }, [orgs.data]);
  const options = [
    ...(value ?? []).filter((v) => !orgs.data?.some((o) => o.id === v)).map((v) => ({ value: v, label: known[v] ?? v })),
    ...(orgs.data ?? []).filter((o) => o.id !== exclude).map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={orgs.isFetching}
      options={options}
      allowClear
    />
  );
}
