// Ledger export: the filtered project list (same filters and order as GET /projects, always within
// the caller's subtree) streamed as the template's sheet, so it can be edited and imported back.
//
// How it reads: the order is decided once, by one narrow query that returns the matching projects'
// ids in list order packed into a single bytea (16 bytes a project: 800 KB for the province's
// 50,000). The rows are then read page by page by id — an index lookup each, the next page fetched
// while the current one is written — with only the columns the sheet shows and the batch names
// already joined in SQL. So neither engine ever holds more than a page of rows, no page re-sorts
// the whole set (OFFSET paging sorted all 50,000 rows 25 times), and on PGlite, whose one session
// is shared by every connection, other requests run between pages instead of waiting for the
// whole export. A project changed between two pages is written as it is when its page is read.
import type { Writable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import type { ExportQuery } from '../../../contract/ledger.ts';
import { clockToday } from '../../clock.ts';
import { CATEGORY_LABELS, INDUSTRY_LABELS, LEVEL_LABELS, STAGE_LABELS } from '../../../domain/labels.ts';
import type { Category, Industry, Level, Stage } from '../../../domain/enums.ts';
import type { Db } from '../../db/client.ts';
import { annualPlans, projects } from '../../db/schema/index.ts';
import { createLedgerWriter, type LedgerRowOut } from '../../io/ledger-export.ts';
import type { Principal } from '../access/principal.ts';
import { sortKey } from '../projects/projects.repo.ts';
import { listWhere } from '../projects/projects.service.ts';
import { RegionIndex } from './ledger.lookups.ts';
import { loadAllRegions } from './ledger.repo.ts';

/** Rows read and written per round trip. */
export const EXPORT_PAGE = 500;

export interface PreparedExport {
  fileName: string;
  asciiFileName: string;
  /** Streams the workbook and ends the stream; resolves with the number of projects written. */
  write(stream: Writable): Promise<number>;
}

/** Checks and loads what the export needs before a byte is sent, so errors can still be a JSON reply. */
export async function prepareExport(db: Db, p: Principal, query: ExportQuery, opts: { pageSize?: number } = {}): Promise<PreparedExport> {
  const page = opts.pageSize ?? EXPORT_PAGE;
  const regions = new RegionIndex(await loadAllRegions(db), p.regionPath);
  const today = clockToday();
  const year = query.year ?? Number(today.slice(0, 4));
  const day = today.replace(/-/g, '');
  // Another year's plan says so in its header, so that importing the file back writes that year.
  const annualPlanHeader = query.year && query.year !== Number(today.slice(0, 4)) ? `${query.year}年计划投资(万元)` : undefined;
  const where = await listWhere(db, p, query);
  return {
    fileName: `台账导出-${day}.xlsx`,
    asciiFileName: `ledger-export-${day}.xlsx`,
    async write(stream) {
      try {
        const ids = await orderedIds(db, where, query, year);
        const writer = createLedgerWriter(stream, { annualPlanHeader });
        const pages = Math.ceil(ids.length / 16 / page);
        const fetchPage = (k: number) => selectPage(db, ids.subarray(k * page * 16, (k + 1) * page * 16), year, p.regionPath);
        let n = 0;
        let next = pages > 0 ? fetchPage(0) : null;
        for (let k = 0; next; k++) {
          const rows = await next;
          // Read the next page while this one is serialised, deflated and sent.
          next = k + 1 < pages ? fetchPage(k + 1) : null;
          next?.catch(() => undefined);
          await writer.add(rows.map((r) => toRow(r, regions)));
          n += rows.length;
        }
        await writer.finish();
        return n;
      } catch (err) {
        stream.destroy(err as Error);
        throw err;
      }
    },
  };
}

/** For the command line: the export written to any stream. */
export async function writeExport(db: Db, p: Principal, query: ExportQuery, stream: Writable): Promise<{ rows: number }> {
  const prepared = await prepareExport(db, p, query);
  return { rows: await prepared.write(stream) };
}

/** The matching projects' ids in list order, 16 bytes each. */
async function orderedIds(db: Db, where: SQL, q: ExportQuery, year: number): Promise<Buffer> {
  const plans = q.sort === 'annualPlan'
    ? sql`LEFT JOIN ${annualPlans} ON ${annualPlans.projectId} = ${projects.id} AND ${annualPlans.year} = ${year}`
    : sql``;
  const r = await db.execute<{ ids: Buffer | null }>(sql`
    SELECT string_agg(uuid_send(${projects.id}), ''::bytea ORDER BY ${sortKey(q.sort, q.order)}, ${projects.code}) AS ids
      FROM ${projects} ${plans}
     WHERE ${where}`);
  return r.rows[0]?.ids ?? Buffer.alloc(0);
}

type ExportRow = {
  code: string; name: string; region_code: string; owner: string | null; unit: string | null; leader: string | null;
  level: string; category: string; industry: string; construction_content: string | null;
  total_investment: string; annual_plan: string | null;
  planned_start: string | null; planned_completion: string | null; planned_production: string | null;
  stage: string; actual_start: string | null; batch: string | null; longitude: string | null; latitude: string | null; tags: string | null;
};

/** One page by id, in the given order: the sheet's columns only, batch names (those in the caller's scope) joined. */
async function selectPage(db: Db, ids: Buffer, year: number, scopePath: string): Promise<ExportRow[]> {
  const list: string[] = [];
  for (let o = 0; o < ids.length; o += 16) list.push(ids.toString('hex', o, o + 16));
  const r = await db.execute<ExportRow>(sql`
    SELECT p.code, p.name, p.region_code, o.name AS owner, u.name AS unit, pe.name AS leader,
           p.level, p.category, p.industry, p.construction_content,
           p.total_investment::text AS total_investment, ap.planned_investment::text AS annual_plan,
           p.planned_start, p.planned_completion, p.planned_production, p.stage, p.actual_start,
           (SELECT string_agg(b.name, '、' ORDER BY bp.batch_id)
              FROM batch_projects bp JOIN batches b ON b.id = bp.batch_id
             WHERE bp.project_id = p.id AND b.region_path LIKE ${scopePath + '%'}) AS batch,
           p.longitude::text AS longitude, p.latitude::text AS latitude,
           nullif(array_to_string(p.tags, '、'), '') AS tags
      FROM unnest(${sql.param(list)}::uuid[]) WITH ORDINALITY AS k(id, ord)
      JOIN projects p ON p.id = k.id
      LEFT JOIN organizations o ON o.id = p.owner_org_id
      LEFT JOIN organizations u ON u.id = p.responsible_org_id
      LEFT JOIN people pe ON pe.id = p.leader_person_id
      LEFT JOIN annual_plans ap ON ap.project_id = p.id AND ap.year = ${year}
     ORDER BY k.ord`);
  return r.rows;
}

function toRow(x: ExportRow, regions: RegionIndex): LedgerRowOut {
  return {
    code: x.code,
    name: x.name,
    region: regions.exportName(x.region_code),
    owner: x.owner,
    responsibleUnit: x.unit,
    leader: x.leader,
    level: LEVEL_LABELS[x.level as Level],
    category: CATEGORY_LABELS[x.category as Category],
    industry: INDUSTRY_LABELS[x.industry as Industry],
    constructionContent: x.construction_content,
    totalInvestment: x.total_investment,
    annualPlan: x.annual_plan,
    plannedStart: x.planned_start,
    plannedCompletion: x.planned_completion,
    plannedProduction: x.planned_production,
    stage: STAGE_LABELS[x.stage as Stage],
    actualStart: x.actual_start,
    batch: x.batch,
    longitude: x.longitude,
    latitude: x.latitude,
    tags: x.tags,
  };
}
