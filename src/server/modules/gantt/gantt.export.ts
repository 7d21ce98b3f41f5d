// The timeline as .xlsx: a project's rows, or a portfolio's (every page, up to a cap), checked and
// resolved before a byte is sent so that errors are still a JSON reply.
import type { Writable } from 'node:stream';
import type { PortfolioQuery } from '../../../contract/gantt.ts';
import { clockToday } from '../../clock.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';
import { getProjectGantt, portfolioPage, resolvePortfolio } from './gantt.service.ts';
import { createGanttWriter } from './gantt.xlsx.ts';

/** A portfolio export stops after this many projects (the page says how many there are). */
export const EXPORT_MAX_PROJECTS = 5000;
const CHUNK = 200;

export interface PreparedGanttExport {
  fileName: string;
  asciiFileName: string;
  write(stream: Writable): Promise<number>;
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '');

export async function prepareProjectExport(db: DbOrTx, p: Principal, id: string): Promise<PreparedGanttExport> {
  const g = await getProjectGantt(db, p, id);
  const day = g.today.replace(/-/g, '');
  return {
    fileName: `进度计划-${safeName(g.project.name)}-${day}.xlsx`,
    asciiFileName: `gantt-${safeName(g.project.code).replace(/[^\w.-]/g, '')}-${day}.xlsx`,
    async write(stream) {
      const w = createGanttWriter(stream, '进度计划');
      for (const row of g.rows) w.add({ project: g.project, row });
      await w.finish();
      return g.rows.length;
    },
  };
}

export async function preparePortfolioExport(db: DbOrTx, p: Principal, q: PortfolioQuery): Promise<PreparedGanttExport> {
  const f = await resolvePortfolio(db, p, q);
  const today = clockToday();
  const day = today.replace(/-/g, '');
  return {
    fileName: `进度计划-${safeName(f.title)}-${day}.xlsx`,
    asciiFileName: `gantt-portfolio-${day}.xlsx`,
    async write(stream) {
      const w = createGanttWriter(stream, '进度计划');
      let n = 0;
      for (let page = 1; (page - 1) * CHUNK < EXPORT_MAX_PROJECTS; page += 1) {
        const items = await portfolioPage(db, p, f, page, CHUNK, today);
        for (const it of items) for (const row of it.rows) w.add({ project: it.project, row });
        n += items.length;
        if (items.length < CHUNK) break;
      }
      await w.finish();
      return n;
    },
  };
}
