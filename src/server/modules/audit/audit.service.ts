// The operation log for the office, admins and auditors, limited to the caller's subtree.
import type { AuditQuery } from '../../../contract/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { requireAuditRead } from '../access/access.policy.ts';
import type { Principal } from '../access/principal.ts';
import { verifyAudit } from './audit.chain.ts';
import { listAudit } from './audit.repo.ts';

export async function searchAudit(db: DbOrTx, p: Principal, q: AuditQuery) {
  requireAuditRead(p);
  const rows = await listAudit(db, {
    regionPath: p.regionPath,
    entityType: q.entityType || undefined,
    action: q.action || undefined,
    username: q.username || undefined,
    projectId: q.projectId,
    beforeId: q.before,
    limit: q.limit,
  });
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
  };
}

/** The whole log's hash chain (it is one chain, not per region). */
export async function checkAuditChain(db: Db, p: Principal) {
  requireAuditRead(p);
  return verifyAudit(db);
}
