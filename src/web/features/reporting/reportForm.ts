// The report form's values, to and from the API shapes, and the live checks the server also runs.
import type { ReportDto } from '../../../contract/reporting.ts';
import { parseMoney } from '../../../domain/money.ts';
import { checkReport, FUND_SOURCES, fundsTotal, type FundSource, type ReportIssue } from '../../../domain/reporting.ts';
import type { ReportPutBody } from './reporting.api.ts';
import { appToday } from '../../app/clock.ts';

export interface ReportFormValues {
  investment?: string;
  fundsBySource?: Partial<Record<FundSource, string>>;
  progressText?: string;
  roadblocksText?: string;
  milestoneDates?: { milestoneId?: string; actualDate?: string | null }[];
}

/** Zero amounts the server keeps for untouched sources show as empty boxes, not "0". */
const shown = (v: string | undefined | null) => (v == null || Number(v) === 0 ? '' : v);

export function toFormValues(r: ReportDto): ReportFormValues {
  return {
    investment: r.id ? r.investment : '',
    fundsBySource: Object.fromEntries(FUND_SOURCES.map((k) => [k, shown(r.fundsBySource[k])])),
    progressText: r.progressText,
    roadblocksText: r.roadblocksText,
    milestoneDates: r.milestoneDates.map((m) => ({ ...m })),
  };
}

/** A typed amount as a decimal string ("1.2亿" → "12000"), or null when empty or unreadable. */
export function readMoney(v: string | null | undefined): string | null {
  if (v == null || String(v).trim() === '') return null;
  const r = parseMoney(v, { allowNegative: true });
  return r.ok ? r.value : null;
}

/** Unreadable amounts are sent as typed, so the server names the field. */
const asSent = (v: string | null | undefined) => readMoney(v) ?? (v == null || String(v).trim() === '' ? null : String(v).trim());

export function fundsOf(v: ReportFormValues, read: (s: string | null | undefined) => string | null = asSent): Partial<Record<FundSource, string>> {
  const out: Partial<Record<FundSource, string>> = {};
  for (const k of FUND_SOURCES) {
    const s = read(v.fundsBySource?.[k]);
    if (s != null) out[k] = s;
  }
  return out;
}

export function toBody(v: ReportFormValues, version: number): ReportPutBody {
  return {
    version,
    investment: asSent(v.investment) ?? '0',
    fundsBySource: fundsOf(v),
    progressText: v.progressText ?? '',
    roadblocksText: v.roadblocksText ?? '',
    milestoneDates: (v.milestoneDates ?? [])
      .filter((m): m is { milestoneId: string; actualDate: string } => !!m?.milestoneId && !!m.actualDate),
  };
}

/** The readable amounts typed per source (unreadable boxes are left out). */
const readableFunds = (v: ReportFormValues) => fundsOf(v, readMoney);

/** The funds total of what is typed (unreadable boxes count as 0). */
export const typedFundsTotal = (v: ReportFormValues): string => fundsTotal(readableFunds(v));

/** The checks of src/domain/reporting.ts on what is typed, so the user sees them before saving. */
export function liveIssues(v: ReportFormValues, r: ReportDto, opts: { correction?: boolean } = {}): ReportIssue[] {
  return checkReport(
    {
      investment: readMoney(v.investment) ?? '0',
      fundsBySource: readableFunds(v),
      milestoneDates: (v.milestoneDates ?? []).map((m) => ({ milestoneId: m?.milestoneId ?? '', actualDate: m?.actualDate ?? '' })),
    },
    {
      totalInvestment: r.context.totalInvestment,
      cumulativeBefore: r.context.cumulativeBefore,
      today: appToday(),
      correction: opts.correction,
    },
  );
}
