// `npx tuijin periods list|open|close`: the same services as the web, run as a named user.
import { parseArgs } from 'node:util';
import { periodOpen } from '../../contract/reporting.ts';
import { CADENCE_LABELS, PERIOD_STATUS_LABELS, type PeriodStatus } from '../../domain/reporting.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { closePeriod, listPeriods, openPeriod } from '../modules/reporting/periods.service.ts';
import type { PeriodDto } from '../../contract/reporting.ts';
import { commandPrincipal } from './principal.ts';

const USAGE = `用法:
  periods list [--year Y] [--status open|closed] [--region CODE] [--user U]
  periods open --year Y --month M [--region CODE] [--seq N] [--deadline YYYY-MM-DD] [--user U]
  periods close --id ID | --year Y --month M [--region CODE] [--seq N] [--user U]`;

function line(p: PeriodDto): string {
  const c = p.counts;
  return `${p.regionName}${p.label}（${CADENCE_LABELS[p.cadence]}，${p.startsOn} 至 ${p.endsOn}，截止 ${p.deadline}）${PERIOD_STATUS_LABELS[p.status as PeriodStatus]}` +
    `  应报 ${c.expected}，已审核 ${c.approved}，待审核 ${c.submitted}，已退回 ${c.returned}，未报 ${c.missing}  ID ${p.id}`;
}

export async function runPeriodsCommand(db: Db, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      year: { type: 'string' }, month: { type: 'string' }, region: { type: 'string' }, seq: { type: 'string' },
      deadline: { type: 'string' }, id: { type: 'string' }, status: { type: 'string' }, user: { type: 'string' },
    },
  });
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  try {
    const p = await commandPrincipal(db, values.user);
    if (sub === 'list') {
      const items = await listPeriods(db, p, { year: num(values.year), status: values.status, regionCode: values.region });
      if (!items.length) console.log('没有填报期间');
      for (const it of items) console.log(line(it));
      return 0;
    }
    if (sub === 'open') {
      const parsed = periodOpen.safeParse({ year: values.year, month: values.month, regionCode: values.region, seq: num(values.seq), deadline: values.deadline });
      if (!parsed.success) {
        for (const i of parsed.error.issues) console.error(`${i.path.join('.') || '参数'}：${i.message}`);
        console.error(USAGE);
        return 2;
      }
      const opened = await openPeriod(db, p, parsed.data);
      console.log(`已开启：${line(opened)}`);
      return 0;
    }
    if (sub === 'close') {
      let id = values.id;
      if (!id) {
        if (!values.year || !values.month) {
          console.error(USAGE);
          return 2;
        }
        const region = values.region ?? p.regionCode;
        const match = (await listPeriods(db, p, { year: Number(values.year), regionCode: region }))
          .filter((x) => x.month === Number(values.month) && x.seq === (num(values.seq) ?? 1));
        if (!match.length) {
          console.error(`未找到 ${region} 区域 ${values.year}年${values.month}月 的填报期间`);
          return 1;
        }
        id = match[0]!.id;
      }
      const closed = await closePeriod(db, p, id);
      console.log(`已锁定：${line(closed)}`);
      return 0;
    }
    console.error(USAGE);
    return 2;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`失败：${err.message}`);
      return 1;
    }
    throw err;
  }
}
