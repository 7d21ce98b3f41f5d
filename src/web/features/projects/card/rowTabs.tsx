// The four row tabs of the file card: special team, procedures, factor needs, milestones.
import { CheckCircleFilled, ClockCircleOutlined, MinusCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FactorKind, MilestoneKind, ProcedureStatus } from '../../../../domain/enums.ts';
import type { ProjectCard } from '../../../api/types.ts';
import DateText from '../../../components/DateText.tsx';
import { useEnumLabel, useEnumOptions } from '../../../i18n/labels.ts';
import RowsEditor from './RowsEditor.tsx';
import { appToday } from '../../../app/clock.ts';

type Card = ProjectCard;
interface TabProps {
  card: Card;
}

export function TeamTab({ card }: TabProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const options = useEnumOptions();
  return (
    <RowsEditor<Card['team'][number]>
      projectId={card.project.id}
      tab="team"
      tabLabel={t('card.tabs.team')}
      rows={card.team}
      canEdit={card.canEdit}
      header={
        <Typography.Text type="secondary">
          {t('field.leaderName')}：<strong style={{ color: '#1f2329' }}>{card.project.leaderName ?? '—'}</strong>
          <span style={{ marginInlineStart: 12 }}>{t('card.team.leaderHint')}</span>
        </Typography.Text>
      }
      newRow={() => ({ role: 'member' })}
      fields={[
        { key: 'name', title: t('card.team.name'), input: 'text', required: true, width: 120 },
        { key: 'role', title: t('field.role'), input: 'select', required: true, width: 120, options: options('teamRole'), render: (r) => <Tag color={r.role === 'leader' ? 'red' : r.role === 'specialist' ? 'blue' : undefined}>{label('teamRole', r.role)}</Tag> },
        { key: 'duty', title: t('field.duty'), input: 'text', width: 220 },
        { key: 'orgName', title: t('field.orgName'), input: 'text', width: 200 },
        { key: 'phone', title: t('field.phone'), input: 'text', width: 140, render: (r) => (r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : '—') },
      ]}
    />
  );
}

// The usual approval chain of an investment project in China, in the order it is normally done.
const USUAL_PROCEDURES = ['立项审批/备案', '用地预审与选址意见', '建设用地规划许可', '环境影响评价', '节能审查', '建设工程规划许可', '施工许可'];

const PROCEDURE_ICONS: Record<ProcedureStatus, React.ReactNode> = {
  pending: <ClockCircleOutlined style={{ color: '#8c8c8c' }} />,
  in_progress: <SyncOutlined style={{ color: '#1a5bb8' }} />,
  done: <CheckCircleFilled style={{ color: '#2f8a3b' }} />,
  not_required: <MinusCircleOutlined style={{ color: '#bfbfbf' }} />,
};

export function ProceduresTab({ card }: TabProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const rows = card.procedures;
  const done = rows.filter((r) => r.status === 'done' || r.status === 'not_required').length;
  return (
    <RowsEditor<Card['procedures'][number]>
      projectId={card.project.id}
      tab="procedures"
      tabLabel={t('card.tabs.procedures')}
      rows={rows}
      canEdit={card.canEdit}
      header={rows.length > 0 && <Typography.Text type="secondary">{t('card.procedures.progress', { done, total: rows.length })}</Typography.Text>}
      newRow={() => ({ status: 'pending' })}
      presets={{
        label: t('card.procedures.addUsual'),
        rows: () => USUAL_PROCEDURES.filter((n) => !rows.some((r) => r.name === n)).map((name) => ({ name, status: 'pending' as const })),
      }}
      fields={[
        { key: 'name', title: t('card.procedures.name'), input: 'text', required: true, width: 200 },
        {
          key: 'status', title: t('field.status'), input: 'select', required: true, width: 120, options: options('procedureStatus'),
          render: (r) => <span>{PROCEDURE_ICONS[r.status ?? 'pending']} {label('procedureStatus', r.status)}</span>,
        },
        { key: 'plannedDate', title: t('field.plannedDate'), input: 'date', width: 150, render: (r) => <DateText value={r.plannedDate} /> },
        { key: 'actualDate', title: t('field.actualDate'), input: 'date', width: 150, render: (r) => <DateText value={r.actualDate} /> },
        { key: 'documentNo', title: t('field.documentNo'), input: 'text', width: 180 },
        { key: 'authority', title: t('field.authority'), input: 'text', width: 150 },
      ]}
      rowClassName={(r) => (r.status !== 'done' && r.status !== 'not_required' && r.plannedDate && r.plannedDate < appToday() ? 'tj-row-overdue' : '')}
    />
  );
}

const FACTOR_UNITS: Record<FactorKind, string> = {
  land: '亩', energy: '吨标准煤', funding: '万元', power: 'kVA', water: '吨', labour: '人', environment: '', other: '',
};

export function FactorNeedsTab({ card }: TabProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const statusColor = { pending: 'orange', in_progress: 'blue', satisfied: 'green' } as const;
  return (
    <RowsEditor<Card['factorNeeds'][number]>
      projectId={card.project.id}
      tab="factor-needs"
      tabLabel={t('card.tabs.factors')}
      rows={card.factorNeeds}
      canEdit={card.canEdit}
      newRow={() => ({ kind: 'land', status: 'pending' })}
      toPayload={(r) => ({ ...r, unit: r.unit || FACTOR_UNITS[r.kind] || null })}
      fields={[
        { key: 'kind', title: t('field.kind'), input: 'select', required: true, width: 130, options: options('factorKind'), render: (r) => label('factorKind', r.kind) },
        {
          key: 'quantity', title: t('field.quantity'), input: 'number', width: 120,
          render: (r) => (r.quantity ? <span className="tj-num">{r.quantity} {r.unit ?? FACTOR_UNITS[r.kind]}</span> : '—'),
        },
        { key: 'unit', title: t('field.unit'), input: 'text', width: 100, placeholder: () => t('card.factors.unitHint') },
        { key: 'description', title: t('field.description'), input: 'text', width: 280 },
        {
          key: 'status', title: t('field.status'), input: 'select', required: true, width: 120, options: options('factorStatus'),
          render: (r) => <Tag color={statusColor[r.status ?? 'pending']}>{label('factorStatus', r.status)}</Tag>,
        },
      ]}
    />
  );
}

const KEY_MILESTONES: readonly MilestoneKind[] = ['start', 'completion', 'production'];

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

export function MilestonesTab({ card }: TabProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const today = appToday();
  const overdue = (r: Card['milestones'][number]) => !r.actualDate && !!r.plannedDate && r.plannedDate < today;
  return (
    <RowsEditor<Card['milestones'][number]>
      projectId={card.project.id}
      tab="milestones"
      tabLabel={t('card.tabs.milestones')}
      rows={card.milestones}
      canEdit={card.canEdit}
      newRow={() => ({ kind: 'other' })}
      rowClassName={(r) => [overdue(r) ? 'tj-row-overdue' : '', KEY_MILESTONES.includes(r.kind ?? 'other') ? 'tj-row-key' : ''].join(' ')}
      fields={[
        {
          key: 'name', title: t('card.milestones.name'), input: 'text', required: true, width: 220,
          render: (r) => (
            <span className={overdue(r) ? 'tj-overdue' : undefined}>
              {KEY_MILESTONES.includes(r.kind ?? 'other') ? <strong>{r.name}</strong> : r.name}
              {overdue(r) && <Tag color="red" style={{ marginInlineStart: 8 }}>{t('card.milestones.overdue')}</Tag>}
            </span>
          ),
        },
        {
          key: 'kind', title: t('field.kind'), input: 'select', width: 100, options: options('milestoneKind'),
          render: (r) => (KEY_MILESTONES.includes(r.kind ?? 'other') ? <Tag color="blue">{label('milestoneKind', r.kind)}</Tag> : label('milestoneKind', r.kind)),
        },
        {
          key: 'plannedDate', title: t('field.plannedDate'), input: 'date', width: 150,
          render: (r) => <span className={overdue(r) ? 'tj-overdue' : undefined}><DateText value={r.plannedDate} /></span>,
        },
        {
          key: 'baselineDate', title: t('field.baselineDate'), input: 'date', width: 150,
          render: (r) => (
            <span>
              <DateText value={r.baselineDate} />
              {r.baselineDate && r.plannedDate && r.plannedDate > r.baselineDate && (
                <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
                  {t('card.milestones.delay', { days: daysBetween(r.baselineDate, r.plannedDate) })}
                </Typography.Text>
              )}
            </span>
          ),
        },
        { key: 'actualDate', title: t('field.actualDate'), input: 'date', width: 150, render: (r) => <DateText value={r.actualDate} /> },
        { key: 'responsible', title: t('field.responsible'), input: 'text', width: 110 },
      ]}
    />
  );
}
