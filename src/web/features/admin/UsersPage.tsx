// 用户管理 (admins): who may sign in, with which role, over which region.
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/auth.tsx';
import { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import { ROLES, type Role } from '../../../domain/enums.ts';
import { NS } from './i18n.ts';
import { useUpdateUser, useUsers, type User } from './admin.api.ts';
import UserFormModal from './UserFormModal.tsx';
import ResetPasswordModal from './ResetPasswordModal.tsx';
import UserTokensModal from './UserTokensModal.tsx';

const ROLE_COLORS: Partial<Record<Role, string>> = { admin: 'red', office: 'blue', auditor: 'purple', leader: 'gold' };

export default function UsersPage() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const me = useCurrentUser();
  const label = useEnumLabel();
  const errorMessage = useErrorMessage();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const query = useDeferredValue(q.trim());
  const users = useUsers(query, role);
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [tokensOf, setTokensOf] = useState<User | null>(null);

  const setDisabled = async (u: User, disabled: boolean) => {
    try {
      await update.mutateAsync({ id: u.id, body: { disabled } });
      message.success(disabled ? t('users.disabledMsg') : t('users.enabledMsg'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const status = (u: User) => {
    if (u.disabled) return <Tag>{t('users.status.disabled')}</Tag>;
    if (u.lockedUntil && new Date(u.lockedUntil) > new Date()) {
      return <Tag color="orange">{t('users.status.locked', { until: formatDateTime(u.lockedUntil) })}</Tag>;
    }
    return <Tag color="green">{t('users.status.active')}</Tag>;
  };

  const columns: TableColumnsType<User> = [
    {
      title: t('users.col.username'), dataIndex: 'username', width: 130,
      render: (v: string, u) => <>{v}{u.id === me.id && <Typography.Text type="secondary">{t('users.self')}</Typography.Text>}</>,
    },
    { title: t('users.col.displayName'), dataIndex: 'displayName', width: 150 },
    { title: t('users.col.role'), dataIndex: 'role', width: 110, render: (r: Role) => <Tag color={ROLE_COLORS[r]}>{label('role', r)}</Tag> },
    { title: t('users.col.region'), dataIndex: 'regionName', width: 130, responsive: ['md'] },
    {
      title: t('users.col.link'), key: 'link', responsive: ['lg'],
      render: (_: unknown, u) => [u.orgName, u.personName].filter(Boolean).join(' · ') || '—',
    },
    { title: t('users.col.status'), key: 'status', width: 110, render: (_: unknown, u) => status(u) },
    { title: t('users.col.passwordChangedAt'), dataIndex: 'passwordChangedAt', width: 170, responsive: ['xxl'], render: (v: string) => formatDateTime(v) },
    {
      title: t('users.col.actions'), key: 'actions', width: 260,
      render: (_: unknown, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(u)}>{t('users.action.edit')}</Button>
          {u.id !== me.id && (
            <Button type="link" size="small" onClick={() => setResetting(u)}>{t('users.action.reset')}</Button>
          )}
          <Button type="link" size="small" onClick={() => setTokensOf(u)}>{t('users.action.tokens')}</Button>
          {u.id !== me.id && (
            <Popconfirm
              title={u.disabled ? t('users.enableConfirm', { name: u.displayName }) : t('users.disableConfirm', { name: u.displayName })}
              okButtonProps={{ danger: !u.disabled }}
              onConfirm={() => setDisabled(u, !u.disabled)}
            >
              <Button type="link" size="small" danger={!u.disabled}>
                {u.disabled ? t('users.action.enable') : t('users.action.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('users.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('users.create')}</Button>}
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('users.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} />
        <Select<Role>
          allowClear
          placeholder={t('users.allRoles')}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: label('role', r) }))}
          style={{ width: 160 }}
        />
      </Flex>
      {users.error && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} style={{ marginBottom: 16 }} />}
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        columns={columns}
        dataSource={users.data ?? []}
        pagination={(users.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('users.empty') }}
        onRow={(u) => ({ style: u.disabled ? { opacity: 0.6 } : undefined })}
      />
      {editing && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {tokensOf && <UserTokensModal user={tokensOf} onClose={() => setTokensOf(null)} />}
    </Card>
  );
}
