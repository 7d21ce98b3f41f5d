// The bell in the header: unread count (polled every minute) and a drop-down of the latest
// notifications; a click opens its target and marks it read; "全部通知" opens /notifications.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Notification } from '../../../contract/notifications.ts';
import { formatDateTime } from '../../components/DateText.tsx';
import { NS } from './i18n.ts';
import { useNotificationActions, useNotifications, useUnreadCount } from './notifications.api.ts';

const LATEST = 8;

export function useOpenNotification() {
  const navigate = useNavigate();
  const { markRead } = useNotificationActions();
  return (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };
}

export function NotificationLine({ n, compact = false }: { n: Notification; compact?: boolean }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong={!n.readAt} ellipsis={compact ? { tooltip: n.title } : false} style={{ display: 'block' }}>
        {!n.readAt && <Badge status="processing" style={{ marginInlineEnd: 6 }} />}
        {n.title}
      </Typography.Text>
      {n.body && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis={compact ? { tooltip: n.body } : false}>
          {n.body}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} className="tj-num">{formatDateTime(n.createdAt)}</Typography.Text>
    </div>
  );
}

export default function NotificationBell() {
  const { t } = useTranslation(NS);
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications({ page: 1, pageSize: LATEST }, open);
  const { markAllRead } = useNotificationActions();
  const openOne = useOpenNotification();
  const count = unread.data ?? 0;
  const items = latest.data?.items ?? [];

  const panel = (
    <div className="tj-bell-panel" style={{ width: 340, maxWidth: 'calc(100vw - 24px)', background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '10px 14px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={count === 0} loading={markAllRead.isPending} onClick={() => markAllRead.mutate()} style={{ padding: 0 }}>
          {t('notifications.markAllRead')}
        </Button>
      </div>
      <div style={{ maxHeight: 380, overflow: 'auto' }}>
        {latest.isLoading ? (
          <div style={{ padding: 24, textAlign: 'center' }}><Spin /></div>
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        ) : (
          <List
            size="small"
            dataSource={items}
            renderItem={(n) => (
              <List.Item
                style={{ cursor: 'pointer', padding: '8px 14px', background: n.readAt ? undefined : '#f0f6ff' }}
                onClick={() => {
                  setOpen(false);
                  openOne(n);
                }}
              >
                <NotificationLine n={n} compact />
              </List.Item>
            )}
          />
        )}
      </div>
      <div style={{ borderTop: '1px solid #f0f0f0', textAlign: 'center', padding: 8 }}>
        <Link to="/notifications" onClick={() => setOpen(false)}>{t('notifications.all')}</Link>
      </div>
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" popupRender={() => panel}>
      <Button type="text" aria-label={t('notifications.bell', { count })} style={{ height: 40 }}>
        <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
