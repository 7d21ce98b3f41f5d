// The timeline's queries: the procedures and milestones of a set of projects, in their order.
// Projects themselves are read through the ledger's scoped queries (projects.repo.ts).
import { sql } from 'drizzle-orm';
import type { MilestoneKind, ProcedureStatus } from '../../../domain/enums.ts';
import type { DbOrTx } from '../../db/client.ts';

export type ScheduleRow = {
  id: string;
  projectId: string;
  kind: 'procedure' | 'milestone';
  name: string;
  milestoneKind: MilestoneKind | null;
  procedureStatus: ProcedureStatus | null;
  plannedDate: string | null;
  baselineDate: string | null;
  actualDate: string | null;
  responsible: string | null;
};

/** Every procedure, then every milestone, of the given projects, each in its card order. */
export async function scheduleRows(db: DbOrTx, projectIds: readonly string[]): Promise<ScheduleRow[]> {
  if (!projectIds.length) return [];
  const ids = sql.param([...projectIds]);
  const r = await db.execute<ScheduleRow>(sql`
    SELECT id, project_id AS "projectId", kind, name, "milestoneKind", "procedureStatus", planned_date AS "plannedDate",
           baseline_date AS "baselineDate", actual_date AS "actualDate", responsible
    FROM (
      SELECT id, project_id, 'procedure' AS kind, name, NULL::text AS "milestoneKind", status AS "procedureStatus",
             planned_date, baseline_date, actual_date, authority AS responsible, 0 AS part, sort
        FROM project_procedures WHERE project_id = ANY(${ids}::uuid[])
      UNION ALL
      SELECT id, project_id, 'milestone', name, kind, NULL::text, planned_date, baseline_date, actual_date, responsible, 1, sort
        FROM project_milestones WHERE project_id = ANY(${ids}::uuid[])
    ) x
    ORDER BY project_id, part, sort, id`);
  return r.rows;
}
