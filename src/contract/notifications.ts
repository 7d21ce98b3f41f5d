// The in-app notification centre (the bell): the caller's own notifications only.
import { z } from 'zod';
import { pageQuery } from './common.ts';
import { queryBool } from './lookups.ts';

export const notificationListQuery = z.object({
  unread: queryBool.optional().meta({ description: 'true 时只列未读' }),
  ...pageQuery,
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notification = z
  .object({
    id: z.number().int(),
    kind: z.string().meta({ description: '类别，如 problem_escalated、problem_raised、supervision_order' }),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().meta({ description: '站内链接，如 /problems/<id>' }),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notification>;

export const notificationList = z.object({
  items: z.array(notification),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const unreadCount = z.object({ unread: z.number().int() });

export const notificationIdParam = z.object({ id: z.coerce.number().int().min(1, '通知 ID 格式不正确') });

export const readAllResult = z.object({ updated: z.number().int() });
