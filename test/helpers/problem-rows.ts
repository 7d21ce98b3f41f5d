// Roadblock rows straight in the tables (no service, no checks): for escalation and statistics
// tests that need problems in given states and dates.
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { problems } from '../../src/server/db/schema/index.ts';

let seq = 0;

export interface ProblemRow {
  projectId: string;
  departmentId: string;
  status?: 'open' | 'accepted' | 'solved' | 'closed' | 'reopened';
  category?: string;
  severity?: string;
  title?: string;
  /** Raised at noon China time on this day. */
  raisedOn?: string;
  acceptDue: string;
  dueDate?: string | null;
  /** Solved at noon China time on this day (status solved or closed). */
  solvedOn?: string | null;
  escalationLevel?: number;
}

const noon = (d: string) => new Date(`${d}T12:00:00+08:00`);

export async function insertProblem(db: Db, o: ProblemRow) {
  seq += 1;
  const [row] = await db
    .insert(problems)
    .values({
      code: `WT2024-${String(seq).padStart(5, '0')}`,
      projectId: o.projectId,
      regionPath: sql`(select region_path from projects where id = ${o.projectId})`,
      category: o.category ?? 'land',
      severity: o.severity ?? 'general',
      title: o.title ?? `测试问题${seq}`,
      description: `测试问题${seq}的描述`,
      departmentId: o.departmentId,
      status: o.status ?? 'open',
      raisedAt: noon(o.raisedOn ?? '2024-09-20'),
      acceptDue: o.acceptDue,
      acceptedAt: o.dueDate ? noon(o.raisedOn ?? '2024-09-20') : null,
      dueDate: o.dueDate ?? null,
      solvedAt: o.solvedOn ? noon(o.solvedOn) : null,
      closedAt: o.status === 'closed' && o.solvedOn ? noon(o.solvedOn) : null,
      escalationLevel: o.escalationLevel ?? 0,
    })
    .returning();
  return row!;
}
