// `npx tuijin bulletin --region CODE --period ID --out FILE.docx [--user U]`: issues the bulletin as
// a named user (the same checks and audit as the web), writes the Word document and its Excel annex
// beside it (FILE.xlsx). Exit codes: 0 issued, 1 refused (scope, open period …), 2 usage.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { bulletinCreate } from '../../contract/bulletins.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { bulletinDocx, bulletinXlsx, issueBulletin } from '../modules/bulletins/bulletins.service.ts';
import { commandPrincipal } from './principal.ts';

const USAGE = '用法: bulletin --region CODE --period ID --out FILE.docx [--user U]';

export async function runBulletinCommand(db: Db, args: string[]): Promise<number> {
  let values: { region?: string; period?: string; out?: string; user?: string };
  try {
    ({ values } = parseArgs({ args, options: { region: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, user: { type: 'string' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = bulletinCreate.safeParse({ regionCode: values.region, periodId: values.period });
  if (!parsed.success || !values.out || !/\.docx$/i.test(values.out)) {
    for (const issue of parsed.error?.issues ?? []) console.error(`--${issue.path[0] === 'periodId' ? 'period' : 'region'}：${issue.message}`);
    if (!values.out || !/\.docx$/i.test(values.out)) console.error('--out：请给出以 .docx 结尾的文件名');
    console.error(USAGE);
    return 2;
  }
  try {
    const p = await commandPrincipal(db, values.user);
    const b = await issueBulletin(db, p, parsed.data);
    const xlsxPath = values.out.replace(/\.docx$/i, '.xlsx');
    await writeFile(values.out, (await bulletinDocx(db, p, b.id)).buffer);
    await writeFile(xlsxPath, (await bulletinXlsx(db, p, b.id)).buffer);
    console.log(`已印发 ${b.number}《${b.title}》（id ${b.id}）`);
    console.log(`Word：${values.out}\nExcel 附件：${xlsxPath}（${b.projectLines} 个项目）`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`生成通报失败：${e.message}`);
      return 1;
    }
    throw e;
  }
}
