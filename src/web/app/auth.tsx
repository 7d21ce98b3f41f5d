// The signed-in user: bootstrapped from GET /auth/me, set by sign-in, cleared by sign-out or
// when any request finds the session gone.
import { App as AntApp, Spin } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError, get, post, rememberCsrf, setUnauthenticatedHandler } from '../api/client.ts';
import type { CurrentUser } from '../api/types.ts';
import { setServerClock, type ServerClockInfo } from './clock.ts';

export const ME_KEY = ['auth', 'me'] as const;

interface MeResponse {
  user: CurrentUser;
  csrfToken: string | null;
  clock: ServerClockInfo;
}

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async ({ signal }): Promise<CurrentUser | null> => {
      try {
        const r = await get<MeResponse>('/auth/me', undefined, signal);
        rememberCsrf(r.csrfToken);
        setServerClock(r.clock);
        return r.user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** Turns an expired session anywhere in the app into a trip to the sign-in page. */
export function SessionWatcher() {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (qc.getQueryData(ME_KEY)) void message.warning(t('auth.sessionExpired'));
      qc.setQueryData(ME_KEY, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [qc, message, t]);
  return null;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => post<MeResponse>('/auth/login', body),
    onSuccess: (r) => {
      rememberCsrf(r.csrfToken);
      setServerClock(r.clock);
      // Data cached under another account must never show to this one.
      qc.clear();
      qc.setQueryData(ME_KEY, r.user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      rememberCsrf(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

const UserContext = createContext<CurrentUser | null>(null);

/** The signed-in user; only valid below <RequireAuth>. */
export function useCurrentUser(): CurrentUser {
  const u = useContext(UserContext);
  if (!u) throw new Error('useCurrentUser outside RequireAuth');
  return u;
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <UserContext.Provider value={me.data}>{children}</UserContext.Provider>;
}
