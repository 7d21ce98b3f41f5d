// `tuijin import` and `tuijin export`: the same services as the web, run as a named user.
import fs from 'node:fs';
import path from 'node:path';
import { exportQuery } from '../../contract/ledger.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { Principal } from '../modules/access/principal.ts';
import { prepareExport } from '../modules/ledger/ledger.export.ts';
import { commitImport, previewImport } from '../modules/ledger/ledger.service.ts';

/** Prints the preview (or the committed result); returns the process exit code. */
export async function runImportCommand(db: Db, p: Principal, file: string, o: { dryRun: boolean; year?: number }): Promise<number> {
  const buf = fs.readFileSync(file);
  const name = path.basename(file);
  try {
    const preview = o.dryRun
      ? await previewImport(db, p, buf, name, { year: o.year, maxBytes: 200 * 1024 * 1024 })
      : await commitImport(db, p, buf, name, { year: o.year, maxBytes: 200 * 1024 * 1024 });
    console.log(`${preview.fileName}（工作表「${preview.sheet}」，表头第 ${preview.headerRow} 行，${preview.year} 年计划）`);
    console.log(`共 ${preview.rowCount} 行：新建 ${preview.toCreate}，更新 ${preview.toUpdate}，无变化 ${preview.unchanged}，有问题 ${preview.errorRows}`);
    if (preview.newOrgs.length) console.log(`将新建单位：${preview.newOrgs.map((o2) => o2.name).join('、')}`);
    if (preview.newPeople.length) console.log(`将新建领导：${preview.newPeople.map((x) => x.name).join('、')}`);
    for (const pr of preview.problems) console.log(`  第 ${pr.row} 行 ${pr.column}：${pr.message}`);
    if (preview.problemCount > preview.problems.length) console.log(`  …另有 ${preview.problemCount - preview.problems.length} 个问题`);
    console.log(preview.committed ? '已导入。' : o.dryRun ? '预览完成（未写入）。' : '未导入。');
    return preview.problemCount > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof AppError) {
      console.error(`导入失败：${err.message}`);
      for (const d of err.details.slice(0, 50)) console.error(`  ${d.row ? `第 ${d.row} 行 ` : ''}${d.column ?? d.field}：${d.message}`);
      return 1;
    }
    throw err;
  }
}

export async function runExportCommand(db: Db, p: Principal, file: string, filters: Record<string, string | undefined>) {
  const query = exportQuery.parse(Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)));
  const prepared = await prepareExport(db, p, query);
  const out = fs.createWriteStream(file);
  const rows = await prepared.write(out);
  await new Promise<void>((resolve, reject) => {
    if (out.writableFinished) resolve();
    else {
      out.once('finish', () => resolve());
      out.once('error', reject);
    }
  });
  console.log(`已导出 ${rows} 个项目到 ${file}`);
}
