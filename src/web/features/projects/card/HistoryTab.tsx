// 变更记录: who changed what and when, with field-level before → after in plain words.
import { Button, Empty, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateZh } from '../../../../domain/dates.ts';
import { formatWan } from '../../../../domain/money.ts';
import type { HistoryItem } from '../../../api/types.ts';
import { formatDateTime } from '../../../components/DateText.tsx';
import ErrorAlert from '../../../components/ErrorAlert.tsx';
import { useEnumLabel, type EnumKind } from '../../../i18n/labels.ts';
import { useProjectHistory } from '../projects.api.ts';
import { actionKind, fieldChanges, rowsChange } from './historyDiff.ts';

const ENUM_FIELDS: Record<string, EnumKind> = {
  stage: 'stage', pausedFrom: 'stage', fromStage: 'stage', toStage: 'stage', to: 'stage', level: 'level', category: 'category',
  industry: 'industry', reserveGrade: 'reserveGrade', role: 'teamRole', kind: 'factorKind',
};
const MONEY_FIELDS = new Set(['totalInvestment', 'annualPlan', 'plannedInvestment']);

function useFormatValue() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = (field: string, v: unknown): string => {
    if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return t('card.history.empty_value');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (ENUM_FIELDS[field] && typeof v === 'string') return label(ENUM_FIELDS[field], v);
    if (MONEY_FIELDS.has(field) && (typeof v === 'string' || typeof v === 'number')) return formatWan(String(v));
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateZh(v);
    if (field === 'fundSources' && typeof v === 'object' && !Array.isArray(v)) {
      return Object.entries(v as Record<string, string>).map(([k, amount]) => `${label('fundSource', k)} ${formatWan(amount)}`).join('；');
    }
    if (field === 'monthly' && Array.isArray(v)) return v.map((m, i) => `${i + 1}月 ${m}`).join('，');
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('、');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  return format;
}

function Changes({ item }: { item: HistoryItem }) {
  const { t } = useTranslation();
  const format = useFormatValue();
  const rows = rowsChange(item.before, item.after);
  if (rows) {
    return (
      <div>
        {t('card.history.rowsChange', { before: rows.beforeCount, after: rows.afterCount })}
        {rows.added.map((n) => <Tag key={`+${n}`} color="green" style={{ marginInlineStart: 6 }}>+ {n}</Tag>)}
        {rows.removed.map((n) => <Tag key={`-${n}`} color="red" style={{ marginInlineStart: 6 }}>− {n}</Tag>)}
      </div>
    );
  }
  const changes = fieldChanges(item.before, item.after);
  if (changes.length === 0) return <span>{item.note ?? t('card.history.noFieldChanges')}</span>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {changes.map((c) => (
        <li key={c.field}>
          <strong>{t(`field.${c.field}`, { defaultValue: c.field })}</strong>：
          {item.before != null && !c.added && (
            <>
              <span className="tj-diff-before">{format(c.field, c.before)}</span>
              {' → '}
            </>
          )}
          <span className="tj-diff-after">{format(c.field, c.after)}</span>
        </li>
      ))}
      {item.note && <li><Typography.Text type="secondary">{item.note}</Typography.Text></li>}
    </ul>
  );
}

export default function HistoryTab({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const history = useProjectHistory(projectId, true);
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];
  const actionLabel = (action: string) => {
    const kind = actionKind(action);
    return kind ? t(`card.history.actions.${kind}`) : action;
  };

  if (history.isLoading) return <Spin />;
  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (items.length === 0) return <Empty description={t('card.history.empty')} />;
  return (
    <div>
      <Table<HistoryItem>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        dataSource={items}
        scroll={{ x: 860 }}
        columns={[
          { key: 'at', title: t('card.history.when'), width: 170, render: (_, r) => <span className="tj-num">{formatDateTime(r.at)}</span> },
          { key: 'who', title: t('card.history.who'), width: 110, render: (_, r) => r.username ?? '—' },
          { key: 'action', title: t('card.history.action'), width: 120, render: (_, r) => <Tag>{actionLabel(r.action)}</Tag> },
          { key: 'changes', title: t('card.history.changes'), render: (_, r) => <div style={{ wordBreak: 'break-word' }}><Changes item={r} /></div> },
        ]}
      />
      {history.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
            {t('card.history.loadOlder')}
          </Button>
        </div>
      )}
    </div>
  );
}
