// 通知: the caller's notifications. Opens on the unread ones when there are any; each opens its
// target (and is marked read); one or all can be marked read here.
import { Badge, Button, Card, List, Pagination, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { NS } from './i18n.ts';
import { NotificationLine, useOpenNotification } from './NotificationBell.tsx';
import { useNotificationActions, useNotifications, useUnreadCount } from './notifications.api.ts';

const PAGE_SIZE = 20;

export default function NotificationsPage() {
  const { t } = useTranslation(NS);
  const unread = useUnreadCount();
  const [chosen, setChosen] = useState<'unread' | 'all' | null>(null);
  const [page, setPage] = useState(1);
  // Unread first: the page opens on them while there are any.
  const view = chosen ?? ((unread.data ?? 0) > 0 ? 'unread' : 'all');
  const list = useNotifications({ unread: view === 'unread', page, pageSize: PAGE_SIZE }, unread.isFetched || chosen !== null);
  const { markRead, markAllRead } = useNotificationActions();
  const openOne = useOpenNotification();
  const items = list.data?.items ?? [];

  return (
    <Card
      title={t('notifications.title')}
      extra={
        <Button disabled={!unread.data} loading={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Segmented
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) => {
          setChosen(v as 'unread' | 'all');
          setPage(1);
        }}
        options={[
          { value: 'unread', label: <Space size={4}>{t('notifications.unread')}<Badge count={unread.data ?? 0} size="small" /></Space> },
          { value: 'all', label: t('notifications.all') },
        ]}
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 12 }} />}
      <List
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: view === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty') }}
        renderItem={(n) => (
          <List.Item
            style={{ background: n.readAt ? undefined : '#f0f6ff', paddingInline: 12 }}
            actions={[
              n.link ? <Button key="open" type="link" size="small" onClick={() => openOne(n)}>{t('notifications.open')}</Button> : null,
              !n.readAt ? (
                <Button key="read" type="link" size="small" onClick={() => markRead.mutate(n.id)}>{t('notifications.markRead')}</Button>
              ) : null,
            ].filter(Boolean)}
          >
            <div style={{ cursor: n.link ? 'pointer' : undefined, minWidth: 0 }} onClick={() => n.link && openOne(n)}>
              <NotificationLine n={n} />
            </div>
          </List.Item>
        )}
      />
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <div style={{ textAlign: 'right', marginTop: 12 }}>
          <Pagination current={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />
        </div>
      )}
    </Card>
  );
}
