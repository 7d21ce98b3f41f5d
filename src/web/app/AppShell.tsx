// The frame around every signed-in page: navy menu on the left (a drawer on phones), a header with
// the user's name, role and region, the language switch and the account menu.
import { DownOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import LanguageSwitch from '../components/LanguageSwitch.tsx';
import NotificationBell from '../features/problems/NotificationBell.tsx';
import { formatDateZh } from '../../domain/dates.ts';
import { FullPageSpin, useCurrentUser, useLogout } from './auth.tsx';
import { clockPinnedTo } from './clock.ts';
import { accountMenu, LOGOUT_KEY, logoutIcon, mainMenu, selectedKey, visibleEntries } from './menu.tsx';
import { NAVY } from './theme.ts';

const SIDER_COLLAPSED_KEY = 'tuijin.sider.collapsed';

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="tj-brand" aria-label={t('app.fullName')}>
      <span className="tj-brand-mark" aria-hidden>推</span>
      {!collapsed && (
        <span className="tj-brand-text">
          <span className="tj-brand-name">{t('app.name')}</span>
          <span className="tj-brand-sub">{t('app.subtitle')}</span>
        </span>
      )}
    </div>
  );
}

export default function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const pinnedTo = clockPinnedTo();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const { message } = AntApp.useApp();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_COLLAPSED_KEY) === '1');

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const entries = visibleEntries(mainMenu, user.role);
  const accountEntries = visibleEntries(accountMenu, user.role);
  const selected = selectedKey(location.pathname, [...entries, ...accountEntries]);
  const menuItems: MenuProps['items'] = entries.map((e) => ({ key: e.path, icon: e.icon, label: t(e.labelKey) }));

  const doLogout = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void message.success(t('auth.loggedOut'));
        navigate('/login', { replace: true });
      },
    });

  const accountItems: MenuProps['items'] = [
    ...accountEntries.map((e) => ({ key: e.path, icon: e.icon, label: t(e.labelKey) })),
    { type: 'divider' as const },
    { key: LOGOUT_KEY, icon: logoutIcon, label: t('menu.logout'), danger: true },
  ];
  const onAccountClick: MenuProps['onClick'] = ({ key }) => (key === LOGOUT_KEY ? doLogout() : navigate(key));

  const roleLabel = t(`enum.role.${user.role}`);
  const userBlock = (
    <Dropdown menu={{ items: accountItems, onClick: onAccountClick, selectedKeys: selected ? [selected] : [] }} trigger={['click']}>
      <Button type="text" className="tj-user" aria-label={`${t('menu.account')}：${user.displayName}`} style={{ height: 48 }}>
        <Space size={8} align="center">
          <Avatar size={30} icon={<UserOutlined />} style={{ background: '#1a5bb8' }} />
          {!phone && (
            <span className="tj-user-text">
              <span className="tj-user-name">{user.displayName}</span>
              <span className="tj-user-meta">
                <Tag color="blue" style={{ marginInlineEnd: 6 }}>{roleLabel}</Tag>
                {user.regionName}
              </span>
            </span>
          )}
          <DownOutlined style={{ fontSize: 10, color: 'rgba(0,0,0,0.45)' }} />
        </Space>
      </Button>
    </Dropdown>
  );

  const navMenu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={menuItems}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 0 }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider
          width={216}
          collapsedWidth={64}
          collapsed={collapsed}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          <nav aria-label={t('app.fullName')}>{navMenu}</nav>
        </Layout.Sider>
      )}
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          styles={{ body: { padding: 0, background: NAVY }, header: { display: 'none' } }}
        >
          <Brand collapsed={false} />
          <nav aria-label={t('app.fullName')}>{navMenu}</nav>
          <div className="tj-drawer-account">
            <div className="tj-drawer-user">
              <div>{user.displayName}</div>
              <div style={{ opacity: 0.7, fontSize: 12 }}>{roleLabel} · {user.regionName}</div>
            </div>
            <Menu theme="dark" mode="inline" selectable={false} items={accountItems} onClick={onAccountClick} />
          </div>
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="tj-header">
          <Space size={4}>
            {phone ? (
              <>
                <Button type="text" icon={<MenuOutlined />} aria-label={t('menu.openMenu')} onClick={() => setDrawerOpen(true)} />
                <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>{t('app.name')}</Typography.Text>
              </>
            ) : (
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                aria-label={t('menu.openMenu')}
                onClick={() => {
                  setCollapsed(!collapsed);
                  localStorage.setItem(SIDER_COLLAPSED_KEY, collapsed ? '0' : '1');
                }}
              />
            )}
            {pinnedTo && (
              <Tooltip title={t('shell.demoClockHint')}>
                <Tag color="gold" data-testid="demo-clock" style={{ marginInlineStart: 8 }}>
                  {t(phone ? 'shell.demoClockShort' : 'shell.demoClock', { date: formatDateZh(pinnedTo) })}
                </Tag>
              </Tooltip>
            )}
          </Space>
          <Space size={phone ? 0 : 8}>
            <NotificationBell />
            <LanguageSwitch compact={phone} />
            {userBlock}
          </Space>
        </Layout.Header>
        <Layout.Content className={phone ? 'tj-content tj-content-phone' : 'tj-content'}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
