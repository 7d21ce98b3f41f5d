// 调度填报表: one project's report for one period — the facts it is filled against, the figures,
// progress text, milestones and photos, the workflow buttons the server allows, corrections and
// history. Two people editing at once: the second save gets a 409, shown as a clear alert.
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Result, Row, Space, Tag, Typography } from 'antd';
import Decimal from 'decimal.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ReportDto } from '../../../contract/reporting.ts';
import { formatRate, ratio } from '../../../domain/kpi.ts';
import { ApiError } from '../../api/client.ts';
import { FullPageSpin } from '../../app/auth.tsx';
import DateText from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import Money, { formatAmount } from '../../components/Money.tsx';
import StageTag from '../../components/StageTag.tsx';
import { RaiseProblemButton } from '../problems/RaiseProblemModal.tsx';
import FiguresFields from './FiguresFields.tsx';
import { NS } from './i18n.ts';
import MilestoneFields from './MilestoneFields.tsx';
import { PeriodStatusTag, RateText, ReportStatusTag, TipTitle, useReportFieldLabel } from './parts.tsx';
import { CorrectionsTable, ReportTimeline } from './ReportHistory.tsx';
import { CorrectionModal, ReturnModal } from './ReportModals.tsx';
import ReportPhotos from './ReportPhotos.tsx';
import { liveIssues, readMoney, toBody, toFormValues, type ReportFormValues } from './reportForm.ts';
import { useReport, useReportActions } from './reporting.api.ts';
import { appToday } from '../../app/clock.ts';

function ContextBlock({ r, values }: { r: ReportDto; values: ReportFormValues }) {
  const { t } = useTranslation(NS);
  const c = r.context;
  const investment = readMoney(values.investment) ?? '0';
  const ytdAfter = new Decimal(c.ytdBefore).plus(investment).toFixed();
  const cumAfter = new Decimal(c.cumulativeBefore).plus(investment).toFixed();
  const overdue = r.periodStatus === 'open' && appToday() > r.deadline && (r.status === 'draft' || r.status === 'returned');
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
      <Descriptions.Item label={t('report.project')} span={2}>
        <Link to={`/projects/${r.projectId}`}>{c.projectName}</Link> <Typography.Text type="secondary">{c.projectCode} · {c.regionName}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('report.stage')}><StageTag stage={c.projectStage} /></Descriptions.Item>
      <Descriptions.Item label={t('report.period')}>{r.periodLabel} <PeriodStatusTag status={r.periodStatus} /></Descriptions.Item>
      <Descriptions.Item label={t('report.deadline')}>
        <DateText value={r.deadline} />{overdue && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('reports.overdue')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('report.annualPlan')}><Money value={c.annualPlan} /></Descriptions.Item>
      <Descriptions.Item label={<TipTitle tip={t('tip.ytdInvestment')}>{t('report.ytdBefore')}</TipTitle>}>
        <Money value={c.ytdBefore} />
        <div style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">
            {t('report.ytdAfter', { value: formatAmount(ytdAfter), rate: formatRate(c.annualPlan == null ? null : ratio(ytdAfter, c.annualPlan)) })}
          </Typography.Text>
        </div>
      </Descriptions.Item>
      <Descriptions.Item label={<TipTitle tip={t('tip.cumulative')}>{t('report.cumulativeBefore')}</TipTitle>} span={2}>
        <Money value={c.cumulativeBefore} /> / <Money value={c.totalInvestment} />{' '}
        <Typography.Text type="secondary">（<RateText value={ratio(c.cumulativeBefore, c.totalInvestment)} />）</Typography.Text>
        <div style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">
            {t('report.cumulativeAfter', { value: formatAmount(cumAfter), rate: formatRate(ratio(cumAfter, c.totalInvestment)) })}
          </Typography.Text>
        </div>
      </Descriptions.Item>
    </Descriptions>
  );
}

export default function ReportPage() {
  const { projectId = '', periodId = '' } = useParams();
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const errorMessage = useErrorMessage();
  const q = useReport(projectId, periodId);
  const fieldLabel = useReportFieldLabel();
  const actions = useReportActions(projectId, periodId);
  const [form] = Form.useForm<ReportFormValues>();
  const values = Form.useWatch([], form) ?? {};
  const [error, setError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  // The version the form was filled from: a later read while the user types must not make a stale
  // save look current (that would be a lost update).
  const [baseVersion, setBaseVersion] = useState<number | null>(null);
  const [modalOpen, setModalOpen] = useState<'return' | 'correction' | null>(null);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const r = q.data;
  useEffect(() => {
    if (!r || dirtyRef.current) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(r));
    setBaseVersion(r.version);
  }, [r, form]);

  useEffect(() => {
    if (r) document.title = `${r.context.projectName} · ${r.periodLabel}`;
  }, [r]);

  if (q.isLoading) return <FullPageSpin />;
  if (q.error || !r) {
    if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400)) {
      return <Result status="404" title={errorMessage(q.error)} extra={<Link to="/reports">{t('report.back')}</Link>} />;
    }
    return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  }

  const p = r.permissions;
  const editable = p.canEdit;
  const issues = editable ? liveIssues(values, r) : [];
  const conflict = error instanceof ApiError && error.isConflict;
  const fundsServerError = error instanceof ApiError ? error.details.find((d) => d.field === 'fundsBySource')?.message : undefined;
  const version = baseVersion ?? r.version;
  const serverMessages = new Set(error instanceof ApiError ? error.details.map((d) => d.message) : []);
  // A live hint the server has just said again is shown once, as the server's error.
  const hints = issues.filter((i) => !serverMessages.has(i.message));

  const fail = (e: unknown) => {
    setError(e);
    applyFieldErrors(form, e);
    // Field errors show beside their fields and in the alert above; the toast only says where to look.
    if (e instanceof ApiError && e.isConflict) return;
    message.error(e instanceof ApiError && e.details.length ? t('report.serverSays') : errorMessage(e));
  };
  const reload = async () => {
    setError(null);
    setDirty(false);
    dirtyRef.current = false;
    const fresh = await q.refetch();
    if (fresh.data) {
      form.resetFields();
      form.setFieldsValue(toFormValues(fresh.data));
      setBaseVersion(fresh.data.version);
    }
  };
  const afterWrite = (fresh: ReportDto) => {
    setError(null);
    setDirty(false);
    dirtyRef.current = false;
    form.setFieldsValue(toFormValues(fresh));
    setBaseVersion(fresh.version);
  };

  const save = async (): Promise<ReportDto | null> => {
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    try {
      const fresh = await actions.save.mutateAsync(toBody(form.getFieldsValue(true) as ReportFormValues, version));
      afterWrite(fresh);
      return fresh;
    } catch (e) {
      fail(e);
      return null;
    }
  };
  const onSave = async () => {
    if (await save()) message.success(t('report.saved'));
  };
  const onSubmit = () =>
    modal.confirm({
      title: t('report.submit'),
      content: dirty || !r.id ? `${t('report.unsavedSubmit')}。${t('report.submitConfirm')}` : t('report.submitConfirm'),
      okText: t('report.submit'), cancelText: t('common.cancel'),
      onOk: async () => {
        const saved = dirty || !r.id ? await save() : r;
        if (!saved) return;
        try {
          afterWrite(await actions.submit.mutateAsync(saved.version));
          message.success(t('report.submitted'));
        } catch (e) {
          fail(e);
        }
      },
    });
  const onApprove = () =>
    modal.confirm({
      title: t('report.approve'), content: t('report.approveConfirm'), okText: t('report.approve'), cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          afterWrite(await actions.approve.mutateAsync(r.version));
          message.success(t('report.approved'));
        } catch (e) {
          fail(e);
        }
      },
    });
  const busy = actions.save.isPending || actions.submit.isPending || actions.approve.isPending;

  return (
    <div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="tj-page-head">
          <Space align="center" wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('report.back')} onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/reports'))} />
            <Typography.Title level={4} style={{ margin: 0 }}>{r.context.projectName} · {r.periodLabel}</Typography.Title>
            <ReportStatusTag status={r.status} />
            {r.corrected && <Tag color="purple">{t('report.correctedTag')}</Tag>}
          </Space>
          <Space wrap>
            {p.canEdit && <Button loading={actions.save.isPending} disabled={busy} onClick={() => void onSave()}>{t('report.save')}</Button>}
            {p.canSubmit && <Button type="primary" loading={actions.submit.isPending} disabled={busy} onClick={onSubmit}>{t('report.submit')}</Button>}
            {p.canReturn && <Button danger disabled={busy} onClick={() => setModalOpen('return')}>{t('report.returnAction')}</Button>}
            {p.canApprove && <Button type="primary" loading={actions.approve.isPending} disabled={busy} onClick={onApprove}>{t('report.approve')}</Button>}
            {p.canRequestCorrection && <Button onClick={() => setModalOpen('correction')}>{t('report.requestCorrection')}</Button>}
            <RaiseProblemButton project={{ id: r.projectId, name: r.context.projectName, code: r.context.projectCode }} reportId={r.id} />
          </Space>
        </div>
      </Card>

      {conflict && (
        <Alert
          type="error" showIcon role="alert" style={{ marginBottom: 12 }}
          title={t('report.conflictTitle')}
          description={<>{errorMessage(error)}<div>{t('report.conflictHint')}</div></>}
          action={<Button icon={<ReloadOutlined />} onClick={() => void reload()}>{t('report.conflictReload')}</Button>}
        />
      )}
      {!!error && !conflict && <ErrorAlert error={error} fieldLabel={fieldLabel} style={{ marginBottom: 12 }} />}
      {r.status === 'returned' && r.returnReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('report.returnedBanner', { reason: r.returnReason })} />
      )}
      {r.periodStatus === 'closed' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('report.lockedBanner')} />}

      <Card size="small" title={t('report.context')} style={{ marginBottom: 12 }}>
        <ContextBlock r={r} values={editable ? values : toFormValues(r)} />
      </Card>

      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Form<ReportFormValues> form={form} layout="vertical" disabled={!editable} onValuesChange={() => setDirty(true)}>
            <Card size="small" title={t('report.figures')} style={{ marginBottom: 12 }}>
              <FiguresFields disabled={!editable} issues={hints} serverFundsError={fundsServerError} />
              {hints.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('report.clientCheckNote')}</Typography.Text>}
            </Card>
            <Card size="small" title={t('report.progressText')} style={{ marginBottom: 12 }}>
              <Form.Item name="progressText" label={t('report.progressText')}>
                <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('report.progressPlaceholder')} />
              </Form.Item>
              <Form.Item name="roadblocksText" label={t('report.roadblocksText')}>
                <Input.TextArea rows={3} maxLength={4000} showCount placeholder={t('report.roadblocksPlaceholder')} />
              </Form.Item>
            </Card>
            <Card size="small" title={t('report.milestones')} style={{ marginBottom: 12 }}>
              <MilestoneFields milestones={r.context.milestones} disabled={!editable} issues={hints} />
            </Card>
          </Form>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={`${t('report.photos')}${r.photos.length ? `（${r.photos.length}）` : ''}`} style={{ marginBottom: 12 }}>
            {/* Our own upload may create the report or move its version on; adopt it. */}
            <ReportPhotos report={r} actions={actions} canUpload={editable} onUploaded={() => void q.refetch().then((f) => f.data && setBaseVersion(f.data.version))} />
          </Card>
          <Card size="small" title={t('report.history')} style={{ marginBottom: 12 }}>
            <ReportTimeline events={r.events} />
          </Card>
        </Col>
      </Row>
      {(r.corrections.length > 0 || p.canRequestCorrection) && (
        <Card size="small" title={t('report.corrections')} style={{ marginBottom: 12 }}>
          <CorrectionsTable items={r.corrections} canDecide={p.canDecideCorrection} />
        </Card>
      )}
      {modalOpen === 'return' && <ReturnModal report={r} actions={actions} onClose={() => setModalOpen(null)} onError={fail} />}
      {modalOpen === 'correction' && <CorrectionModal report={r} actions={actions} onClose={() => setModalOpen(null)} />}
    </div>
  );
}
