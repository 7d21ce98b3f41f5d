// The city dispatch meeting's list (市重点项目调度会问题清单): roadblocks escalated to level 3 and
// still unsolved, in the caller's view, most overdue first. As JSON, Word and Excel.
import { sql } from 'drizzle-orm';
import type { DispatchRow } from '../../../contract/problems.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import { clockToday } from '../../clock.ts';
import { overdueOn, type ProblemCategory, type ProblemStatus } from '../../../domain/problems.ts';
import type { DbOrTx } from '../../db/client.ts';
import { buildDispatchDocx } from '../../io/dispatch.docx.ts';
import { buildDispatchXlsx } from '../../io/dispatch.xlsx.ts';
import type { Principal } from '../access/principal.ts';
import { loadAdjustments } from './problems.repo.ts';
import { problemVisibility } from './problems.stats.ts';

interface DispatchDbRow {
  id: string;
  code: string;
  project_name: string;
  region_name: string;
  category: ProblemCategory;
  description: string;
  department_name: string;
  raised_at: Date;
  status: ProblemStatus;
  accept_due: string;
  due_date: string | null;
  leader_name: string | null;
}

export interface DispatchList {
  /** The day the list is drawn up (days overdue counted to it). */
  at: string;
  items: DispatchRow[];
}

export async function getDispatchList(db: DbOrTx, p: Principal, at = clockToday()): Promise<DispatchList> {
  const res = await db.execute<DispatchDbRow & Record<string, unknown>>(sql`
    SELECT p.id, p.code, pr.name AS project_name, coalesce(county.name, r.name) AS region_name, p.category, p.description,
           d.name AS department_name, p.raised_at, p.status, p.accept_due, p.due_date, l.name AS leader_name
    FROM problems p
    JOIN projects pr ON pr.id = p.project_id
    JOIN regions r ON r.code = pr.region_code
    LEFT JOIN regions county ON county.path = substring(p.region_path from '^[^/]+/[^/]+/[^/]+/')
    JOIN organizations d ON d.id = p.department_id
    LEFT JOIN people l ON l.id = pr.leader_person_id
    WHERE p.escalation_level = 3 AND p.status IN ('open', 'accepted', 'reopened') AND ${problemVisibility(p)}
    ORDER BY p.code`);
  const adj = await loadAdjustments(db);
  const items = res.rows.map((r): DispatchRow => ({
    id: r.id,
    code: r.code,
    projectName: r.project_name,
    regionName: r.region_name,
    category: r.category,
    description: r.description,
    departmentName: r.department_name,
    raisedAt: new Date(r.raised_at).toISOString(),
    // The deadline it is late against: the committed date once accepted, the acceptance limit before.
    dueDate: r.status === 'accepted' ? r.due_date : r.accept_due,
    overdueWorkdays: overdueOn({ status: r.status, acceptDue: r.accept_due, dueDate: r.due_date }, at, adj).workdays,
    leaderName: r.leader_name,
  }));
  items.sort((a, b) => b.overdueWorkdays - a.overdueWorkdays || a.code.localeCompare(b.code));
  return { at, items };
}

export interface DispatchFile {
  buffer: Buffer;
  fileName: string;
  asciiFileName: string;
}

const baseName = (at: string) => `市重点项目调度会问题清单_${at}`;

export async function dispatchDocx(db: DbOrTx, p: Principal): Promise<DispatchFile> {
  const list = await getDispatchList(db, p);
  return { buffer: await buildDispatchDocx(list.items, formatDateZh(list.at)), fileName: `${baseName(list.at)}.docx`, asciiFileName: `dispatch_${list.at}.docx` };
}

export async function dispatchXlsx(db: DbOrTx, p: Principal): Promise<DispatchFile> {
  const list = await getDispatchList(db, p);
  return { buffer: await buildDispatchXlsx(list.items, formatDateZh(list.at)), fileName: `${baseName(list.at)}.xlsx`, asciiFileName: `dispatch_${list.at}.xlsx` };
}
