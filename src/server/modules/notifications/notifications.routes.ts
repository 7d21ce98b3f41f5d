// Routes of the notification centre (the bell): own notifications only.
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../../../contract/common.ts';
import {
  notification, notificationIdParam, notificationList, notificationListQuery, readAllResult, unreadCount,
} from '../../../contract/notifications.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as notifications from './notifications.service.ts';

export async function notificationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['消息通知'];

  r.get('/notifications', {
    schema: { tags, summary: '我的通知（最新在前；unread=true 只列未读）', querystring: notificationListQuery, response: { 200: notificationList, 400: errorBody } },
  }, async (req) => notifications.listOwn(db, requirePrincipal(req), req.query));

  r.get('/notifications/unread-count', {
    schema: { tags, summary: '未读通知数（铃铛）', response: { 200: unreadCount } },
  }, async (req) => notifications.unreadCount(db, requirePrincipal(req)));

  r.post('/notifications/:id/read', {
    schema: { tags, summary: '标记一条通知为已读', params: notificationIdParam, response: { 200: notification, 404: errorBody } },
  }, async (req) => notifications.readOne(db, requirePrincipal(req), req.params.id));

  r.post('/notifications/read-all', {
    schema: { tags, summary: '全部标为已读', response: { 200: readAllResult } },
  }, async (req) => notifications.readAll(db, requirePrincipal(req)));
}
