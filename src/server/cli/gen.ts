// `npx tuijin gen --scale province|city|tiny`: fills an empty database with scale data (see gen/generate.ts).
import { parseArgs } from 'node:util';
import type { Db } from '../db/client.ts';
import { generate, SCALES, type Scale } from '../gen/generate.ts';

export async function runGenCommand(db: Db, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { scale: { type: 'string' } } });
  const scale = values.scale as Scale | undefined;
  if (!scale || !(scale in SCALES)) {
    console.error(`用法: gen --scale ${Object.keys(SCALES).join('|')}`);
    return 2;
  }
  const started = Date.now();
  const r = await generate(db, scale, (line) => console.log(line));
  const seconds = (Date.now() - started) / 1000;
  console.log(`城市 ${r.cities}，县区/园区 ${r.counties}，单位 ${r.orgs}，领导 ${r.people}，项目 ${r.projects}，年度计划 ${r.plans}，期间 ${r.periods}，月报 ${r.reports}，问题 ${r.roadblocks}，亮牌 ${r.cards}`);
  console.log(`用时 ${seconds.toFixed(1)} 秒；月报写入 ${r.timings.reportRowsPerSecond} 行/秒`);
  return 0;
}
