// An administrator looks at the API tokens a user has made and revokes one (a leaked integration key)
// without resetting the password or touching the others.
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Modal, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { NS } from './i18n.ts';
import { useRevokeUserToken, useUserTokens, type User, type UserToken } from './admin.api.ts';

export default function UserTokensModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const tokens = useUserTokens(user.id);
  const revoke = useRevokeUserToken(user.id);

  const onRevoke = async (token: UserToken) => {
    try {
      await revoke.mutateAsync(token.id);
      message.success(t('users.tokens.revoked', { name: token.name }));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<UserToken> = [
    { title: t('users.tokens.name'), dataIndex: 'name' },
    { title: t('users.tokens.prefix'), dataIndex: 'prefix', width: 130, render: (v: string) => <code>{v}…</code> },
    { title: t('users.tokens.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('users.tokens.lastUsedAt'), dataIndex: 'lastUsedAt', width: 160, render: (v: string | null) => (v ? formatDateTime(v) : t('users.tokens.never')) },
    {
      title: t('users.col.status'), key: 'status', width: 180,
      render: (_: unknown, tk) => (tk.revokedAt
        ? <Tag>{t('users.tokens.revokedAt', { at: formatDateTime(tk.revokedAt) })}</Tag>
        : (
          <Popconfirm title={t('users.tokens.confirm', { name: tk.name })} okButtonProps={{ danger: true }} onConfirm={() => onRevoke(tk)}>
            <Button size="small" danger loading={revoke.isPending && revoke.variables === tk.id}>{t('users.tokens.revoke')}</Button>
          </Popconfirm>
        )),
    },
  ];

  return (
    <Modal open width={860} title={t('users.tokens.title', { name: user.displayName })} footer={null} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon title={t('users.tokens.intro')} style={{ marginBottom: 16 }} />
      {tokens.error && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} style={{ marginBottom: 16 }} />}
      <Table<UserToken>
        rowKey="id"
        size="small"
        loading={tokens.isLoading}
        columns={columns}
        dataSource={tokens.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('users.tokens.empty') }}
      />
    </Modal>
  );
}
