// The automatic bulletin when a period closes (bulletin_settings.auto_on_close), called by
// reporting's closePeriod right after its transaction commits, not inside it: locking the period and
// its card run are the office's decision and must stand even if the bulletin fails (a missing
// figure, a rendering error); the bulletin reads the committed cards like any other reader, and the
// period's row lock is not held while a whole region is gathered. A failure is written to the log
// and to the audit trail; the office can then issue the bulletin by hand.
import type { Db } from '../../db/client.ts';
import type { Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { issueOnClose } from './bulletins.service.ts';

export async function afterPeriodClosed(db: Db, actor: Principal, periodId: string): Promise<string | null> {
  try {
    return await issueOnClose(db, actor, periodId);
  } catch (err) {
    const message = (err as Error).message;
    console.error(`期间 ${periodId} 锁定后自动生成月度通报失败：${message}`);
    await recordAudit(db, actor, {
      action: 'bulletin.auto_failed', entityType: 'period', entityId: periodId, after: { error: message },
      note: `期间锁定后自动生成月度通报失败：${message}`,
    }).catch(() => undefined);
    return null;
  }
}
