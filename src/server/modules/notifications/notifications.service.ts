// The notification centre: the caller's own notifications, newest first.
import type { Notification, NotificationList, NotificationListQuery } from '../../../contract/notifications.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { notifications } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import type { Principal } from '../access/principal.ts';
import * as repo from './notifications.repo.ts';

function toDto(r: typeof notifications.$inferSelect): Notification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    entityType: r.entityType,
    entityId: r.entityId,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt ? r.readAt.toISOString() : null,
  };
}

export async function listOwn(db: DbOrTx, p: Principal, q: NotificationListQuery): Promise<NotificationList> {
  const unreadOnly = q.unread === true;
  const rows = await repo.listNotifications(db, p.id, { unreadOnly, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  const counts = await repo.countNotifications(db, p.id, unreadOnly);
  return { items: rows.map(toDto), total: counts.total, unread: counts.unread, page: q.page, pageSize: q.pageSize };
}

export async function unreadCount(db: DbOrTx, p: Principal) {
  return { unread: await repo.countUnread(db, p.id) };
}

export async function readOne(db: DbOrTx, p: Principal, id: number): Promise<Notification> {
  const row = await repo.markRead(db, p.id, id);
  if (!row) throw notFound('通知');
  return toDto(row);
}

export async function readAll(db: DbOrTx, p: Principal) {
  return { updated: await repo.markAllRead(db, p.id) };
}
