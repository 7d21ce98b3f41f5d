// `npx tuijin stats`: the key figures of GET /stats as a table in the terminal (or JSON), run as a
// named user so the same scope applies.
import { parseArgs } from 'node:util';
import { statsQuery, type StatsResult, type StatsRow } from '../../contract/stats.ts';
import { formatRate, PROGRESS_STATUS_LABELS } from '../../domain/kpi.ts';
import { formatWan } from '../../domain/money.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { GROUP_HEADERS, periodText } from '../io/stats.xlsx.ts';
import { getStats } from '../modules/stats/stats.service.ts';
import { commandPrincipal } from './principal.ts';

const USAGE = '用法: stats [--year Y] [--month M] [--region CODE] [--group-by region|industry|level|category|leader|unit|batch|project|month] [--last-year] [--user U] [--json]';

/** Columns a terminal is wide enough for; the spreadsheet export has them all. */
const COLUMNS: { header: string; value: (r: StatsRow) => string; right?: boolean }[] = [
  { header: '项目数', value: (r) => String(r.projectCount), right: true },
  { header: '年度计划(万元)', value: (r) => wan(r.annualPlan), right: true },
  { header: '累计完成(万元)', value: (r) => wan(r.ytdInvestment), right: true },
  { header: '完成率', value: (r) => formatRate(r.annualCompletionRate), right: true },
  { header: '序时进度', value: (r) => formatRate(r.timeElapsed), right: true },
  { header: '差距', value: (r) => formatRate(r.gap), right: true },
  { header: '状态', value: (r) => (r.progressStatus ? PROGRESS_STATUS_LABELS[r.progressStatus] : '—') },
  { header: '资金到位率', value: (r) => formatRate(r.fundArrivalRate), right: true },
  { header: '开工率', value: (r) => formatRate(r.startRate), right: true },
  { header: '按期竣工率', value: (r) => formatRate(r.onTimeCompletionRate), right: true },
  { header: '投产率', value: (r) => formatRate(r.productionRate), right: true },
  { header: '排名', value: (r) => (r.rank == null ? '' : String(r.rank)), right: true },
];

const wan = (v: string) => formatWan(v).slice(0, -2);

/** Width on a terminal: CJK and full-width characters take two cells. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
};

export function statsTable(s: StatsResult): string {
  const head = [GROUP_HEADERS[s.groupBy], ...COLUMNS.map((c) => c.header)];
  const lines = [...s.rows, { ...s.total, label: '合计' }].map((r) => [r.label, ...COLUMNS.map((c) => c.value(r))]);
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...lines.map((l) => displayWidth(l[i]!))));
  const fmt = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0 && COLUMNS[i - 1]!.right)).join('  ').trimEnd();
  const rule = '─'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  const title = `${s.regionName}重点项目关键指标（按${GROUP_HEADERS[s.groupBy].replace('项目名称', '项目')}，${periodText(s.year, s.month)}，进度容差 ±${(s.tolerance * 100).toFixed(1)} 个百分点）`;
  return [title, rule, fmt(head), rule, ...lines.slice(0, -1).map(fmt), rule, fmt(lines[lines.length - 1]!)].join('\n');
}

/** Prints the figures; returns the exit code (2 for a usage error). */
export async function runStatsCommand(db: Db, args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        year: { type: 'string' }, month: { type: 'string' }, region: { type: 'string' }, 'group-by': { type: 'string' },
        'last-year': { type: 'boolean' }, user: { type: 'string' }, json: { type: 'boolean' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = statsQuery.safeParse({
    region: values.region, year: values.year, month: values.month, groupBy: values['group-by'], compare: values['last-year'] ? 'lastYear' : undefined,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${String(issue.path[0] ?? '').replace('groupBy', 'group-by')}：${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  try {
    const result = await getStats(db, await commandPrincipal(db, values.user), parsed.data);
    console.log(values.json ? JSON.stringify(result, null, 2) : statsTable(result));
    return 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`统计失败：${err.message}`);
      return 1;
    }
    throw err;
  }
}
