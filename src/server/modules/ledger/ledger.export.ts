// Ledger export: the filtered project list (same filters as GET /projects, always within the
// caller's subtree) streamed as the template's sheet, so it can be edited and imported back.
import type { Writable } from 'node:stream';
import type { ExportQuery } from '../../../contract/ledger.ts';
import type { ProjectDto } from '../../../contract/projects.ts';
import { clockToday } from '../../clock.ts';
import { CATEGORY_LABELS, INDUSTRY_LABELS, LEVEL_LABELS, STAGE_LABELS } from '../../../domain/labels.ts';
import type { Db } from '../../db/client.ts';
import { createLedgerWriter, type LedgerRowOut } from '../../io/ledger-export.ts';
import type { Principal } from '../access/principal.ts';
import { listProjectsForExport } from '../projects/projects.service.ts';
import { RegionIndex } from './ledger.lookups.ts';
import { loadAllRegions, loadBatchesInScope } from './ledger.repo.ts';

export interface PreparedExport {
  fileName: string;
  asciiFileName: string;
  /** Streams the workbook; resolves with the number of projects written. */
  write(stream: Writable): Promise<number>;
}

/** Checks and loads what the export needs before a byte is sent, so errors can still be a JSON reply. */
export async function prepareExport(db: Db, p: Principal, query: ExportQuery): Promise<PreparedExport> {
  const regions = new RegionIndex(await loadAllRegions(db), p.regionPath);
  const batchNames = new Map((await loadBatchesInScope(db, p.regionPath)).map((b) => [b.id, b.name]));
  const today = clockToday();
  const day = today.replace(/-/g, '');
  // Another year's plan says so in its header, so that importing the file back writes that year.
  const annualPlanHeader = query.year && query.year !== Number(today.slice(0, 4)) ? `${query.year}年计划投资(万元)` : undefined;
  return {
    fileName: `台账导出-${day}.xlsx`,
    asciiFileName: `ledger-export-${day}.xlsx`,
    async write(stream) {
      const writer = createLedgerWriter(stream, { annualPlanHeader });
      let n = 0;
      for await (const page of listProjectsForExport(db, p, { ...query, page: 1, pageSize: 20 })) {
        for (const project of page) writer.add(toRow(project, regions, batchNames));
        n += page.length;
      }
      await writer.finish();
      return n;
    },
  };
}

/** For the command line: the export written to any stream. */
export async function writeExport(db: Db, p: Principal, query: ExportQuery, stream: Writable): Promise<{ rows: number }> {
  const prepared = await prepareExport(db, p, query);
  return { rows: await prepared.write(stream) };
}

function toRow(x: ProjectDto, regions: RegionIndex, batchNames: Map<string, string>): LedgerRowOut {
  return {
    code: x.code,
    name: x.name,
    region: regions.exportName(x.regionCode),
    owner: x.owner,
    responsibleUnit: x.responsibleUnit,
    leader: x.leaderName,
    level: LEVEL_LABELS[x.level],
    category: CATEGORY_LABELS[x.category],
    industry: INDUSTRY_LABELS[x.industry],
    constructionContent: x.constructionContent,
    totalInvestment: x.totalInvestment,
    annualPlan: x.annualPlan,
    plannedStart: x.plannedStart,
    plannedCompletion: x.plannedCompletion,
    plannedProduction: x.plannedProduction,
    stage: STAGE_LABELS[x.stage],
    actualStart: x.actualStart,
    batch: x.batchIds.map((id) => batchNames.get(id)).filter(Boolean).join('、') || null,
    longitude: x.longitude,
    latitude: x.latitude,
    tags: x.tags.join('、') || null,
  };
}
