// Server state of the notification centre (the bell and /notifications).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationList } from '../../../contract/notifications.ts';
import { get, post } from '../../api/client.ts';

const ROOT = ['notifications'] as const;
/** How often the bell asks for the unread count. */
export const BELL_POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...ROOT, 'unread'],
    queryFn: ({ signal }) => get<{ unread: number }>('/notifications/unread-count', undefined, signal),
    select: (d) => d.unread,
    refetchInterval: BELL_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
  });
}

export function useNotifications(filters: { unread?: boolean; page?: number; pageSize?: number }, enabled = true) {
  return useQuery({
    queryKey: [...ROOT, 'list', filters],
    queryFn: ({ signal }) =>
      get<NotificationList>('/notifications', { unread: filters.unread ? 'true' : undefined, page: filters.page, pageSize: filters.pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useNotificationActions() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: ROOT });
  return {
    markRead: useMutation({ mutationFn: (id: number) => post<Notification>(`/notifications/${id}/read`), onSuccess }),
    markAllRead: useMutation({ mutationFn: () => post<{ updated: number }>('/notifications/read-all'), onSuccess }),
  };
}

/** After a roadblock step the caller's own notifications may have changed too. */
export function useInvalidateNotifications() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: ROOT });
}
