// 反映问题: project, category, severity, title, description, the lead department (straight to it:
// 直通车), co-handling departments and attachments. Opened from the list, a project card or a
// report (then project and report are fixed).
import { ExclamationCircleOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ProblemCreate } from '../../../contract/problems.ts';
import { PROBLEM_CATEGORIES, PROBLEM_SEVERITIES } from '../../../domain/problems.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import OrgSelect from '../../components/OrgSelect.tsx';
import ProjectSearchSelect from '../batches/ProjectSearchSelect.tsx';
import { NS } from './i18n.ts';
import { DepartmentsSelect, READ_ONLY_ROLES } from './parts.tsx';
import { uploadAttachment, useRaiseProblem } from './problems.api.ts';

export interface RaiseProblemModalProps {
  open: boolean;
  onClose: () => void;
  /** Fixed project (from its card or a report); otherwise the user searches for one. */
  project?: { id: string; name: string; code?: string } | null;
  reportId?: string | null;
}

interface Values {
  projectId?: string;
  category?: ProblemCreate['category'];
  severity: ProblemCreate['severity'];
  title?: string;
  description?: string;
  departmentId?: string;
  coDepartmentIds?: string[];
}

export default function RaiseProblemModal({ open, onClose, project, reportId }: RaiseProblemModalProps) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const raise = useRaiseProblem();
  const departmentId = Form.useWatch('departmentId', form);

  const close = () => {
    form.resetFields();
    setFiles([]);
    setError(null);
    onClose();
  };

  const submit = async () => {
    // A rejected validation has already marked the fields.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const body: ProblemCreate = {
      projectId: project?.id ?? v.projectId!,
      reportId: reportId ?? undefined,
      category: v.category!,
      severity: v.severity,
      title: v.title!.trim(),
      description: v.description!.trim(),
      departmentId: v.departmentId!,
      coDepartmentIds: (v.coDepartmentIds ?? []).filter((id) => id !== v.departmentId),
    };
    raise.mutate(body, {
      onError: (e) => {
        setError(e);
        applyFieldErrors(form, e);
      },
      onSuccess: async (p) => {
        setUploading(true);
        for (const f of files) {
          try {
            if (f.originFileObj) await uploadAttachment(p.id, f.originFileObj);
          } catch (e) {
            void message.warning(t('form.attachFailed', { name: f.name, error: errorMessage(e) }));
          }
        }
        setUploading(false);
        void message.success(t('form.raised', { code: p.code }));
        close();
        navigate(`/problems/${p.id}`);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('raiseTitle')}
      onCancel={close}
      width={640}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>{t('form.cancel')}</Button>,
        <Button key="ok" type="primary" loading={raise.isPending || uploading} onClick={() => void submit()}>{t('form.submit')}</Button>,
      ]}
    >
      {reportId && <Alert type="info" showIcon title={t('form.fromReport')} style={{ marginBottom: 12 }} />}
      {error != null && <ErrorAlert error={error} style={{ marginBottom: 12 }} fieldLabel={(f) => t(`form.${f}`, { defaultValue: '' }) || undefined} />}
      <Form form={form} layout="vertical" initialValues={{ severity: 'general' }} requiredMark>
        {project ? (
          <Form.Item label={t('form.project')}>
            <Input value={project.code ? `${project.code}　${project.name}` : project.name} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="projectId" label={t('form.project')} rules={[{ required: true, message: t('form.required.project') }]}>
            <ProjectSearchSelect placeholder={t('form.projectPlaceholder')} />
          </Form.Item>
        )}
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="category" label={t('form.category')} style={{ flex: 1 }} rules={[{ required: true, message: t('form.required.category') }]}>
            <Select options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: t(`enum.category.${c}`) }))} />
          </Form.Item>
          <Form.Item name="severity" label={t('form.severity')} style={{ flex: 1 }} rules={[{ required: true, message: t('form.required.severity') }]}>
            <Select options={PROBLEM_SEVERITIES.map((s) => ({ value: s, label: t(`enum.severity.${s}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('form.title')} rules={[{ required: true, whitespace: true, message: t('form.required.title') }]}>
          <Input maxLength={200} placeholder={t('form.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('form.description')} rules={[{ required: true, whitespace: true, message: t('form.required.description') }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={t('form.descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('form.department')} rules={[{ required: true, message: t('form.required.department') }]}>
          <OrgSelect kind="department" aria-label={t('form.department')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="coDepartmentIds" label={t('form.coDepartments')}>
          <DepartmentsSelect placeholder={t('form.coDepartmentsPlaceholder')} exclude={departmentId} />
        </Form.Item>
        <Form.Item label={t('form.attachments')}>
          <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
            <Button icon={<PaperClipOutlined />}>{t('form.addFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The 反映问题 button of a report page: the project is the report's, the report is linked when saved. */
export function RaiseProblemButton({ project, reportId }: { project: { id: string; name: string; code?: string }; reportId?: string | null }) {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  if (READ_ONLY_ROLES.includes(user.role) || user.role === 'department') return null;
  return (
    <>
      <Button icon={<ExclamationCircleOutlined />} onClick={() => setOpen(true)}>{t('raise')}</Button>
      <RaiseProblemModal open={open} onClose={() => setOpen(false)} project={project} reportId={reportId} />
    </>
  );
}
