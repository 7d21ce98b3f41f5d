// API 令牌: list, create (the secret is shown once), revoke.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { NS } from './i18n.ts';
import { useCreateToken, useRevokeToken, useTokens, type TokenCreated, type TokenItem } from './account.api.ts';

export default function TokensPage() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [form] = Form.useForm<{ name: string }>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TokenCreated | null>(null);

  const onCreate = async ({ name }: { name: string }) => {
    try {
      const r = await create.mutateAsync(name.trim());
      setCreating(false);
      form.resetFields();
      setCreated(r);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const onRevoke = async (tok: TokenItem) => {
    try {
      await revoke.mutateAsync(tok.id);
      message.success(t('tokens.revokedMsg'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title={t('tokens.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('tokens.create')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      {tokens.error && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} style={{ marginBottom: 16 }} />}
      <Table<TokenItem>
        rowKey="id"
        size="middle"
        loading={tokens.isLoading}
        dataSource={tokens.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('tokens.empty') }}
        columns={[
          { title: t('tokens.col.name'), dataIndex: 'name' },
          { title: t('tokens.col.prefix'), dataIndex: 'prefix', responsive: ['md'], render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: t('tokens.col.createdAt'), dataIndex: 'createdAt', responsive: ['md'], render: (v: string) => formatDateTime(v) },
          { title: t('tokens.col.lastUsedAt'), dataIndex: 'lastUsedAt', responsive: ['lg'], render: (v: string | null) => (v ? formatDateTime(v) : t('tokens.never')) },
          {
            title: t('tokens.col.status'), key: 'status',
            render: (_: unknown, tok) => tok.revokedAt
              ? <Tag>{t('tokens.revoked', { at: formatDateTime(tok.revokedAt) })}</Tag>
              : <Tag color="green">{t('tokens.active')}</Tag>,
          },
          {
            title: t('tokens.col.actions'), key: 'actions',
            render: (_: unknown, tok) => !tok.revokedAt && (
              <Popconfirm
                title={t('tokens.revokeConfirm', { name: tok.name })}
                okText={t('tokens.revokeOk')}
                cancelText={t('tokens.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => onRevoke(tok)}
              >
                <Button type="link" danger size="small">{t('tokens.revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />

      <Modal
        open={creating}
        title={t('tokens.create')}
        okText={t('tokens.create')}
        cancelText={t('tokens.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={onCreate}>
          <Form.Item
            name="name"
            label={t('tokens.name')}
            rules={[
              { required: true, whitespace: true, message: t('tokens.nameRequired') },
              { max: 100, message: t('tokens.nameTooLong') },
            ]}
          >
            <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} autoFocus />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={!!created}
        title={t('tokens.createdTitle')}
        closable={false}
        mask={{ closable: false }}
        footer={<Button type="primary" onClick={() => setCreated(null)}>{t('tokens.done')}</Button>}
      >
        {created && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('tokens.createdWarning')} />
            <Typography.Text strong>{created.name}</Typography.Text>
            <Typography.Paragraph
              code
              copyable={{ text: created.token, tooltips: [t('tokens.copy'), t('tokens.copied')] }}
              style={{ wordBreak: 'break-all', marginBottom: 0 }}
            >
              {created.token}
            </Typography.Paragraph>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
