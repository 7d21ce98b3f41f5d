// Create a user, or change one's name, role, region, organisation, person or status.
import { useTranslation } from 'react-i18next';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { ApiError, detailsToFormFields } from '../../api/client.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import OrgSelect from '../../components/OrgSelect.tsx';
import PersonSelect from '../../components/PersonSelect.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useEnumLabel } from '../../i18n/labels.ts';
import { ROLES, type Role } from '../../../domain/enums.ts';
import type { UserPatch } from '../../../contract/users.ts';
import { NS } from './i18n.ts';
import { useCreateUser, useUpdateUser, type User } from './admin.api.ts';
import PasswordField from './PasswordField.tsx';

interface Values {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  orgId: string | null;
  personId: string | null;
  disabled: boolean;
}

/** Roles that act for an organisation (the server requires one). */
const ORG_ROLES: readonly Role[] = ['unit', 'owner', 'department'];

export default function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const me = useCurrentUser();
  const label = useEnumLabel();
  const errorMessage = useErrorMessage();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const isSelf = user?.id === me.id;

  const initialValues: Partial<Values> = user
    ? {
        displayName: user.displayName, role: user.role, regionCode: user.regionCode,
        orgId: user.orgId, personId: user.personId, disabled: user.disabled,
      }
    : { role: 'viewer', regionCode: me.regionCode, orgId: null, personId: null };

  const onFinish = async (v: Values) => {
    try {
      if (!user) {
        await create.mutateAsync({
          username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, role: v.role,
          regionCode: v.regionCode, orgId: v.orgId ?? null, personId: v.role === 'leader' ? v.personId ?? null : null,
        });
        message.success(t('users.form.created'));
      } else {
        // Only what changed: the server refuses role, region or status fields on one's own account.
        const body: UserPatch = {};
        if (v.displayName.trim() !== user.displayName) body.displayName = v.displayName.trim();
        if (!isSelf && v.role !== user.role) body.role = v.role;
        if (!isSelf && v.regionCode !== user.regionCode) body.regionCode = v.regionCode;
        if ((v.orgId ?? null) !== user.orgId) body.orgId = v.orgId ?? null;
        const personId = v.role === 'leader' ? v.personId ?? null : user.personId;
        if (personId !== user.personId) body.personId = personId;
        if (!isSelf && v.disabled !== user.disabled) body.disabled = v.disabled;
        if (Object.keys(body).length) await update.mutateAsync({ id: user.id, body });
        message.success(t('users.form.saved'));
      }
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) {
        form.setFields(detailsToFormFields(e.details) as Parameters<typeof form.setFields>[0]);
      }
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={user ? t('users.form.editTitle', { name: user.displayName }) : t('users.form.createTitle')}
      okText={t('users.form.save')}
      cancelText={t('users.form.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {!user && (
          <Form.Item
            name="username"
            label={t('users.form.username')}
            extra={t('users.form.usernameHint')}
            rules={[
              { required: true, whitespace: true, message: t('users.form.usernameRequired') },
              { min: 2, max: 64, message: t('users.form.usernameLength') },
              { pattern: /^[A-Za-z0-9_.@-]+$/, message: t('users.form.usernameInvalid') },
            ]}
          >
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.form.displayName')} rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        {!user && (
          <PasswordField label={t('users.form.password')} onGenerate={(p) => form.setFieldValue('password', p)} />
        )}
        <Form.Item name="role" label={t('users.form.role')} rules={[{ required: true, message: t('users.form.roleRequired') }]}
          extra={role ? t(`users.roleHint.${role}`) : undefined}>
          <Select disabled={isSelf} options={ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('users.form.region')} extra={t('users.form.regionHint')}
          rules={[{ required: true, message: t('users.form.regionRequired') }]}>
          <RegionTreeSelect allowClear={false} disabled={isSelf} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('users.form.org')}
          rules={[{ required: !!role && ORG_ROLES.includes(role), message: t('users.form.orgRequired') }]}
        >
          <OrgSelect valueLabel={user?.orgName} style={{ width: '100%' }} />
        </Form.Item>
        {role === 'leader' && (
          <Form.Item name="personId" label={t('users.form.person')} rules={[{ required: true, message: t('users.form.personRequired') }]}>
            <PersonSelect valueLabel={user?.personName} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {user && (
          <Form.Item name="disabled" label={t('users.form.disabled')} valuePropName="checked"
            extra={isSelf ? t('users.form.selfLimited') : undefined}>
            <Switch disabled={isSelf} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
