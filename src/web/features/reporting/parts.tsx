// Small pieces shared by the reporting pages: status tags, rates, headers that explain a figure.
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Progress, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { PeriodDto } from '../../../contract/reporting.ts';
import type { Role } from '../../../domain/enums.ts';
import { formatRate, type ProgressStatus, type Rate } from '../../../domain/kpi.ts';
import type { PeriodStatus, ReportStatus } from '../../../domain/reporting.ts';
import { NS } from './i18n.ts';

export type ListStatus = ReportStatus | 'missing';

const REPORT_COLORS: Record<ListStatus, string> = {
  missing: 'default', draft: 'gold', submitted: 'processing', approved: 'success', returned: 'error',
};

export function ReportStatusTag({ status }: { status: ListStatus }) {
  const { t } = useTranslation(NS);
  return <Tag color={REPORT_COLORS[status]}>{t(`enum.reportStatus.${status}`)}</Tag>;
}

export function PeriodStatusTag({ status }: { status: PeriodStatus }) {
  const { t } = useTranslation(NS);
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{t(`enum.periodStatus.${status}`)}</Tag>;
}

const PROGRESS_COLORS: Record<ProgressStatus, string> = { ahead: 'green', on_schedule: 'blue', lagging: 'red' };

export function ProgressTag({ status }: { status: ProgressStatus | null }) {
  const { t } = useTranslation(NS);
  if (!status) return <span>—</span>;
  return <Tag color={PROGRESS_COLORS[status]}>{t(`enum.progress.${status}`)}</Tag>;
}

/** 85.3%, or — where the denominator is empty. */
export function RateText({ value }: { value: Rate }) {
  return <span className="tj-num">{formatRate(value)}</span>;
}

/** A column header or label with the figure's definition on hover. */
export function TipTitle({ children, tip }: { children: ReactNode; tip: string }) {
  return (
    <Tooltip title={tip}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {children} <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }} />
      </span>
    </Tooltip>
  );
}

/** Who files reports and who reviews them (the server decides for real; this picks the first tab). */
export const FILER_ROLES: readonly Role[] = ['owner', 'unit', 'office', 'admin'];
export const REVIEWER_ROLES: readonly Role[] = ['unit', 'office', 'admin'];
export const OFFICE_ROLES: readonly Role[] = ['office', 'admin'];

/** "约 1.2 公里" / "约 350 米" for a distance in metres. */
export function useDistanceText() {
  const { t } = useTranslation(NS);
  return (meters: number) =>
    meters >= 1000 ? t('common.km', { value: (meters / 1000).toFixed(1) }) : t('common.m', { value: Math.round(meters) });
}

export const reportHref = (projectId: string, periodId: string) => `/reports/${projectId}/${periodId}`;

/** Reported = submitted or approved, out of the projects expected to report. */
export function PeriodProgress({ p }: { p: PeriodDto }) {
  const { t } = useTranslation(NS);
  const c = p.counts;
  const reported = c.submitted + c.approved;
  const pct = c.expected ? Math.round((reported / c.expected) * 1000) / 10 : 0;
  return (
    <Tooltip title={t('periods.countsLine', c)}>
      <div style={{ minWidth: 160 }}>
        <Progress
          percent={pct}
          success={{ percent: c.expected ? Math.round((c.approved / c.expected) * 1000) / 10 : 0 }}
          size="small"
          format={() => `${reported}/${c.expected}`}
        />
      </div>
    </Tooltip>
  );
}

/** The URL's query and a setter of one key (empty removes it), so filters survive a reload. */
export function useUrlParams(): [URLSearchParams, (key: string, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const set = (k: string, v: string | undefined) =>
    setParams((prev) => {
      const n = new URLSearchParams(prev);
      if (v) n.set(k, v);
      else n.delete(k);
      return n;
    }, { replace: true });
  return [params, set];
}

/** Names a report field of the server's error details in the form's words. */
export function useReportFieldLabel() {
  const { t } = useTranslation(NS);
  return (f: string): string | undefined =>
    ({
      investment: t('report.investment'), fundsBySource: t('report.funds'), progressText: t('report.progressText'),
      roadblocksText: t('report.roadblocksText'), milestoneDates: t('report.milestones'), reason: t('report.correctionReason'),
    } as Record<string, string>)[f];
}
