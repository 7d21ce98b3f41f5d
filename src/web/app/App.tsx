// Providers (antd locale and theme, TanStack Query, i18n) and the router.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import type { Role } from '../../domain/enums.ts';
import NotFoundPage from '../pages/NotFoundPage.tsx';
import LoginPage from '../pages/LoginPage.tsx';
import AppShell from './AppShell.tsx';
import { RequireAuth, SessionWatcher, useCurrentUser } from './auth.tsx';
import { queryClient } from './queryClient.ts';
import { appRoutes, HOME_PATH } from './routes.tsx';
import { theme } from './theme.ts';

function RoleGate({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useTranslation();
  if (roles && !roles.includes(user.role)) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return <>{children}</>;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to={HOME_PATH} replace /> },
      ...appRoutes.map((r) => ({
        path: r.path,
        element: (
          <RoleGate roles={r.roles}>
            <r.component />
          </RoleGate>
        ),
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export default function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionWatcher />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
