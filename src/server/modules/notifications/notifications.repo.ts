// Queries of the notification centre. Every query is bound to one user: nobody reads or marks
// another user's notifications.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';

const own = (userId: string, unreadOnly = false) =>
  unreadOnly ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);

export async function listNotifications(db: DbOrTx, userId: string, o: { unreadOnly: boolean; limit: number; offset: number }) {
  return db
    .select()
    .from(notifications)
    .where(own(userId, o.unreadOnly))
    .orderBy(desc(notifications.id))
    .limit(o.limit)
    .offset(o.offset);
}

/** Total (under the filter) and unread, in one statement. */
export async function countNotifications(db: DbOrTx, userId: string, unreadOnly: boolean) {
  const [row] = await db
    .select({
      total: unreadOnly ? sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int` : sql<number>`count(*)::int`,
      unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int`,
    })
    .from(notifications)
    .where(own(userId));
  return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(own(userId, true));
  return Number(row?.n ?? 0);
}

/** Marks one notification read (keeps the first read time). Null when it is not the user's. */
export async function markRead(db: DbOrTx, userId: string, id: number) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ?? null;
}

export async function markAllRead(db: DbOrTx, userId: string): Promise<number> {
  const res = await db.update(notifications).set({ readAt: sql`now()` }).where(own(userId, true));
  return res.rowCount ?? 0;
}
