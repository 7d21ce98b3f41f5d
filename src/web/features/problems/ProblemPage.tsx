// One roadblock: what it is, where it stands, every step timed (raised, accepted with its
// committed date, handling notes, solved, verified or reopened, escalations), the buttons the
// server allows the caller now, and the attachments.
import { ArrowLeftOutlined, PaperClipOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Result, Row, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ProblemDto, ProblemEventDto } from '../../../contract/problems.ts';
import { appToday } from '../../app/clock.ts';
import type { ProblemStep } from '../../../domain/problems.ts';
import { ApiError } from '../../api/client.ts';
import { FullPageSpin } from '../../app/auth.tsx';
import DateInput from '../../components/DateInput.tsx';
import DateText, { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import { NS } from './i18n.ts';
import { LevelTag, ProblemStatusTag, SeverityTag } from './parts.tsx';
import { useProblem, useProblemActions, type ProblemStepBody } from './problems.api.ts';

const EVENT_COLORS: Record<string, string> = {
  raised: 'blue', accepted: 'blue', progress: 'gray', solved: 'green', verified: 'green', reopened: 'red', escalated: 'red', attached: 'gray',
};

function useDuration() {
  const { t } = useTranslation(NS);
  return (ms: number) => {
    const min = Math.max(0, Math.round(ms / 60_000));
    if (min < 60) return t('duration.minutes', { n: min });
    if (min < 48 * 60) return t('duration.hours', { n: Math.round(min / 60) });
    return t('duration.days', { n: Math.round(min / 1440) });
  };
}

function EventBody({ e }: { e: ProblemEventDto }) {
  const { t } = useTranslation(NS);
  const data = e.data ?? {};
  const dueDate = typeof data.dueDate === 'string' ? data.dueDate : null;
  const to = typeof data.to === 'number' ? data.to : typeof data.level === 'number' ? data.level : null;
  return (
    <>
      {e.action === 'accepted' && dueDate && <div>{t('detail.committed')}<DateText value={dueDate} /></div>}
      {e.action === 'escalated' && to != null && <div>{t('detail.escalatedTo', { level: t(`enum.level.${to}`) })}</div>}
      {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
    </>
  );
}

function StepTimeline({ events }: { events: ProblemEventDto[] }) {
  const { t } = useTranslation(NS);
  const duration = useDuration();
  const items = events.map((e, i) => {
    const prev = i > 0 ? events[i - 1] : undefined;
    const took = prev ? duration(new Date(e.at).getTime() - new Date(prev.at).getTime()) : null;
    return {
      key: e.id,
      color: EVENT_COLORS[e.action] ?? 'blue',
      children: (
        <div>
          <Space size={8} wrap>
            <Typography.Text strong>{t(`enum.event.${e.action}`, { defaultValue: e.action })}</Typography.Text>
            <Typography.Text type="secondary" className="tj-num">{formatDateTime(e.at)}</Typography.Text>
            {e.displayName && <Typography.Text type="secondary">{e.displayName}</Typography.Text>}
            {took && <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{t('detail.took', { d: took })}）</Typography.Text>}
          </Space>
          <EventBody e={e} />
        </div>
      ),
    };
  });
  return <Timeline items={items} />;
}

type Dialog = Exclude<ProblemStep, never> | null;

function StepModal({ step, p, onClose }: { step: Dialog; p: ProblemDto; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dueDate?: string; note?: string; solution?: string; reason?: string }>();
  const actions = useProblemActions(p.id);
  const [error, setError] = useState<unknown>(null);
  if (!step) return null;

  const submit = async () => {
    // A rejected validation has already marked the fields.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const body: ProblemStepBody =
      step === 'accept' ? { step, dueDate: v.dueDate!, note: v.note?.trim() || undefined }
      : step === 'progress' ? { step, note: v.note!.trim() }
      : step === 'solve' ? { step, solution: v.solution!.trim() }
      : step === 'verify' ? { step, note: v.note?.trim() || undefined }
      : { step, reason: v.reason!.trim() };
    actions.step.mutate({ ...body, version: p.version }, {
      onSuccess: () => {
        void message.success(t(`action.done.${step}`));
        form.resetFields();
        onClose();
      },
      onError: (e) => {
        setError(e);
        applyFieldErrors(form, e);
      },
    });
  };

  const conflict = error instanceof ApiError && error.isConflict;
  return (
    <Modal
      open
      title={t(`action.${step}Title`)}
      onCancel={() => { form.resetFields(); onClose(); }}
      onOk={() => void submit()}
      okText={t(`action.${step}`)}
      confirmLoading={actions.step.isPending}
      destroyOnHidden
    >
      {error != null && <ErrorAlert error={error} title={conflict ? t('detail.version') : undefined} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {step === 'accept' && (
          <Form.Item name="dueDate" label={t('action.dueDate')} rules={[{ required: true, message: t('action.dueDateRequired') }]}>
            <DateInput minDate={appToday()} />
          </Form.Item>
        )}
        {(step === 'accept' || step === 'verify') && (
          <Form.Item name="note" label={t('action.note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {step === 'progress' && (
          <Form.Item name="note" label={t('action.progressTitle')} rules={[{ required: true, whitespace: true, message: t('action.noteRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        )}
        {step === 'solve' && (
          <Form.Item name="solution" label={t('action.solution')} rules={[{ required: true, whitespace: true, message: t('action.solutionRequired') }]}>
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
        )}
        {step === 'reopen' && (
          <Form.Item name="reason" label={t('action.reason')} rules={[{ required: true, whitespace: true, message: t('action.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function Attachments({ p }: { p: ProblemDto }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { upload } = useProblemActions(p.id);
  return (
    <Card
      size="small"
      title={t('detail.attachments')}
      extra={p.permissions.canAttach && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file, {
              onSuccess: () => void message.success(t('detail.uploaded')),
              onError: (e) => void message.error(errorMessage(e)),
            });
            return false;
          }}
        >
          <Button size="small" icon={<PlusOutlined />} loading={upload.isPending}>{t('detail.upload')}</Button>
        </Upload>
      )}
    >
      {p.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAttachments')} />
      ) : (
        <List
          size="small"
          dataSource={p.attachments}
          renderItem={(a) => (
            <List.Item>
              <Space size={6} wrap>
                <PaperClipOutlined />
                <a href={a.url} target="_blank" rel="noreferrer">{a.fileName}</a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {Math.max(1, Math.round(a.size / 1024))} KB · {a.uploadedBy ?? ''} · {formatDateTime(a.uploadedAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export default function ProblemPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const q = useProblem(id);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (q.isLoading) return <FullPageSpin />;
  if (q.error) {
    if (q.error instanceof ApiError && q.error.status === 404) {
      return <Result status="404" title={q.error.message || t('detail.notFound')} extra={<Link to="/problems">{t('detail.back')}</Link>} />;
    }
    return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  }
  const p = q.data!;
  const perm = p.permissions;
  const buttons: { step: ProblemStep; show: boolean; primary?: boolean; danger?: boolean }[] = [
    { step: 'accept', show: perm.canAccept, primary: true },
    { step: 'progress', show: perm.canProgress },
    { step: 'solve', show: perm.canSolve, primary: true },
    { step: 'verify', show: perm.canVerify, primary: true },
    { step: 'reopen', show: perm.canReopen, danger: true },
  ];

  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="tj-page-head" style={{ marginBottom: 4 }}>
          <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8, minWidth: 0 }}>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('detail.back')} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/problems'))} />
            <Typography.Title level={4} style={{ margin: '2px 0 0' }}>
              <span className="tj-num">{p.code}</span> {p.title} <ProblemStatusTag status={p.status} />
              {p.overdue && <Tag color="red">{t('overdueDays', { count: p.overdueWorkdays })}</Tag>}
            </Typography.Title>
          </div>
          <Space wrap>
            <Button icon={<ReloadOutlined />} aria-label={t('common.reload', { ns: 'translation' })} onClick={() => void q.refetch()} />
            {buttons.filter((b) => b.show).map((b) => (
              <Button key={b.step} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setDialog(b.step)}>
                {t(`action.${b.step}`)}
              </Button>
            ))}
          </Space>
        </div>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('detail.info')} style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label={t('col.project')} span={2}>
                <Link to={`/projects/${p.projectId}`}>{p.projectName}</Link>{' '}
                <Typography.Text type="secondary">{p.projectCode} · {p.regionName}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('col.category')}>{t(`enum.category.${p.category}`)}</Descriptions.Item>
              <Descriptions.Item label={t('col.severity')}><SeverityTag severity={p.severity} /></Descriptions.Item>
              <Descriptions.Item label={t('col.department')}>{p.departmentName}</Descriptions.Item>
              <Descriptions.Item label={t('col.coDepartments')}>{p.coDepartments.map((d) => d.name).join('、') || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('col.raisedBy')}>{p.raisedBy ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('col.raisedAt')}>{formatDateTime(p.raisedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('col.acceptDue')}><DateText value={p.acceptDue} /></Descriptions.Item>
              <Descriptions.Item label={t('col.dueDate')}><DateText value={p.dueDate} /></Descriptions.Item>
              <Descriptions.Item label={t('col.level')} span={2}><LevelTag level={p.escalationLevel} /></Descriptions.Item>
              {p.reportId && (
                <Descriptions.Item label={t('col.report')} span={2}><Typography.Text type="secondary">{t('form.fromReport')}</Typography.Text></Descriptions.Item>
              )}
              <Descriptions.Item label={t('col.description')} span={2}><div style={{ whiteSpace: 'pre-wrap' }}>{p.description}</div></Descriptions.Item>
              {p.solution && (
                <Descriptions.Item label={t('col.solution')} span={2}><div style={{ whiteSpace: 'pre-wrap' }}>{p.solution}</div></Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Attachments p={p} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('detail.timeline')}>
            <StepTimeline events={p.events} />
          </Card>
        </Col>
      </Row>
      <StepModal step={dialog} p={p} onClose={() => setDialog(null)} />
    </div>
  );
}
