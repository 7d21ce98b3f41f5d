// New project (/projects/new) and edit (/projects/:id/edit). Checks what it can in the form;
// whatever the server rejects is put back on the fields it names. Edits carry `version`, and a
// 409 says someone else saved first.
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Card, Col, Form, Grid, Input, InputNumber, Radio, Result, Row, Select, Space, Typography } from 'antd';
import { FullPageSpin } from '../../app/auth.tsx';
import type { Rule } from 'antd/es/form';
import Decimal from 'decimal.js';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { parseMoney } from '../../../domain/money.ts';
import { ApiError } from '../../api/client.ts';
import { useTags } from '../../api/lookups.ts';
import DateInput from '../../components/DateInput.tsx';
import ErrorAlert from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import { formatAmount } from '../../components/Money.tsx';
import MoneyInput, { useMoneyRule } from '../../components/MoneyInput.tsx';
import OrgSelect from '../../components/OrgSelect.tsx';
import PersonSelect from '../../components/PersonSelect.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useEnumOptions } from '../../i18n/labels.ts';
import {
  changedFields, emptyValues, FUND_KEYS, serverErrorsToFields, toBody, valuesFromProject, type ProjectFormValues,
} from './projectForm.ts';
import { useCreateProject, usePatchProject, useProjectCard } from './projects.api.ts';

export default function ProjectFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [form] = Form.useForm<ProjectFormValues>();
  const options = useEnumOptions();
  const moneyRule = useMoneyRule();
  const tags = useTags();
  const card = useProjectCard(id ?? '');
  const project = editing ? card.data?.project : undefined;
  const create = useCreateProject();
  const patch = usePatchProject(id ?? '');
  const mutation = editing ? patch : create;
  const initial = useMemo(() => (project ? valuesFromProject(project) : emptyValues()), [project]);

  useEffect(() => {
    form.setFieldsValue(initial);
  }, [form, initial]);
  useEffect(() => {
    document.title = `${editing ? t('form.editTitle', { name: project?.name ?? '' }) : t('form.createTitle')} · ${t('app.fullName')}`;
  }, [editing, project, t]);

  if (editing && card.isLoading) return <FullPageSpin />;
  if (editing && card.error) return <ErrorAlert error={card.error} onRetry={() => void card.refetch()} />;
  if (editing && card.data && !card.data.canEdit) return <Result status="403" title="403" subTitle={t('errors.forbidden')} />;

  const required = (field: string, select = false): Rule => ({
    required: true,
    whitespace: !select,
    message: t(select ? 'common.selectRequired' : 'common.required', { field: t(`field.${field}`) }),
  });

  const fundsRule: Rule = ({ getFieldValue }) => ({
    validator: async () => {
      const total = parseMoney(getFieldValue('totalInvestment'));
      if (!total.ok) return;
      let sum = new Decimal(0);
      for (const k of FUND_KEYS) {
        const r = parseMoney(getFieldValue(['fundSources', k]));
        if (r.ok) sum = sum.plus(r.value);
      }
      if (sum.greaterThan(total.value)) throw new Error(t('form.fundsExceed', { sum: formatAmount(sum.toString()), total: formatAmount(total.value) }));
    },
  });

  const afterStart: Rule = ({ getFieldValue }) => ({
    validator: async (_r, v: string | null) => {
      const start = getFieldValue('plannedStart') as string | null;
      if (v && start && v < start) throw new Error(t('form.startBeforeCompletion'));
    },
  });

  const range = (field: string, min: number, max: number): Rule => ({
    validator: async (_r, v: string) => {
      if (v == null || String(v).trim() === '') return;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) throw new Error(t('form.invalidRange', { field: t(`field.${field}`) }));
    },
  });

  const onFinish = (v: ProjectFormValues) => {
    const body = toBody(v);
    const onError = (e: Error) => {
      applyFieldErrors(form, e, (err) => serverErrorsToFields(err.details));
      window.scrollTo({ top: 0, behavior: 'smooth' });
    };
    if (!editing) {
      create.mutate({ ...body, stage: v.stage ?? 'preparation' }, {
        onSuccess: (p) => {
          void message.success(t('form.created'));
          navigate(`/projects/${p.id}`, { replace: true });
        },
        onError,
      });
      return;
    }
    const changes = changedFields(toBody(initial), body);
    if (Object.keys(changes).length === 0) {
      navigate(`/projects/${id}`);
      return;
    }
    patch.mutate({ ...changes, version: project!.version }, {
      onSuccess: () => {
        void message.success(t('form.saved'));
        navigate(`/projects/${id}`);
      },
      onError,
    });
  };

  const conflict = mutation.error instanceof ApiError && mutation.error.isConflict;
  const reloadLatest = async () => {
    patch.reset();
    const r = await card.refetch();
    if (r.data) form.setFieldsValue(valuesFromProject(r.data.project));
  };

  const half = { xs: 24, md: 12 } as const;
  const third = { xs: 24, md: 12, lg: 8 } as const;
  const section = (title: string, children: React.ReactNode) => (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Row gutter={16}>{children}</Row>
    </Card>
  );

  return (
    <div>
      <div className="tj-page-head">
        <Space align="center">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => navigate(editing ? `/projects/${id}` : '/projects')} />
          <Typography.Title level={4}>{editing ? t('form.editTitle', { name: project?.name ?? '' }) : t('form.createTitle')}</Typography.Title>
        </Space>
      </div>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('form.conflictTitle')}
          description={t('errors.conflict')}
          action={<Button icon={<ReloadOutlined />} onClick={() => void reloadLatest()}>{t('form.reloadLatest')}</Button>}
        />
      ) : (
        mutation.error && <ErrorAlert error={mutation.error} style={{ marginBottom: 12 }} />
      )}
      <Form<ProjectFormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={initial} scrollToFirstError>
        {section(t('form.basic'), (
          <>
            <Col {...third}><Form.Item name="code" label={t('field.code')} rules={[required('code'), { max: 40 }]}><Input /></Form.Item></Col>
            <Col xs={24} lg={16}><Form.Item name="name" label={t('field.name')} rules={[required('name'), { min: 2, max: 200 }]}><Input /></Form.Item></Col>
            <Col {...third}>
              <Form.Item name="regionCode" label={t('field.regionCode')} rules={[required('regionCode', true)]}>
                <RegionTreeSelect allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...third}><Form.Item name="level" label={t('field.level')} rules={[required('level', true)]}><Select options={options('level')} /></Form.Item></Col>
            <Col {...third}><Form.Item name="category" label={t('field.category')} rules={[required('category', true)]}><Select options={options('category')} /></Form.Item></Col>
            <Col {...third}><Form.Item name="industry" label={t('field.industry')} rules={[required('industry', true)]}><Select options={options('industry')} /></Form.Item></Col>
            {!editing && (
              <Col {...third}>
                <Form.Item name="stage" label={t('form.initialStage')}>
                  <Radio.Group optionType="button" options={options('stage').filter((o) => o.value === 'reserve' || o.value === 'preparation')} />
                </Form.Item>
              </Col>
            )}
            <Col {...third}><Form.Item name="reserveGrade" label={t('field.reserveGrade')}><Select allowClear options={options('reserveGrade')} /></Form.Item></Col>
            <Col {...third}>
              <Form.Item name="targetYear" label={t('field.targetYear')}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        ))}
        {section(t('form.investment'), (
          <>
            <Col {...third}>
              <Form.Item name="totalInvestment" label={t('field.totalInvestment')} rules={[required('totalInvestment'), moneyRule()]}>
                <MoneyInput />
              </Form.Item>
            </Col>
            {FUND_KEYS.map((k) => (
              <Col {...third} key={k}>
                <Form.Item
                  name={['fundSources', k]}
                  label={`${t('field.fundSources')} · ${t(`enum.fundSource.${k}`)}`}
                  rules={[moneyRule(), fundsRule]}
                  dependencies={['totalInvestment', ...FUND_KEYS.filter((o) => o !== k).map((o) => ['fundSources', o])]}
                >
                  <MoneyInput />
                </Form.Item>
              </Col>
            ))}
          </>
        ))}
        {section(t('form.schedule'), (
          <>
            <Col {...third}><Form.Item name="plannedStart" label={t('field.plannedStart')}><DateInput /></Form.Item></Col>
            <Col {...third}>
              <Form.Item name="plannedCompletion" label={t('field.plannedCompletion')} rules={[afterStart]} dependencies={['plannedStart']}>
                <DateInput />
              </Form.Item>
            </Col>
            <Col {...third}><Form.Item name="plannedProduction" label={t('field.plannedProduction')}><DateInput /></Form.Item></Col>
          </>
        ))}
        {section(t('form.responsibility'), (
          <>
            <Col {...third}>
              <Form.Item name="leader" label={t('field.leaderName')} extra={t('form.typeToCreate')}>
                <PersonSelect mode="party" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="responsibleUnit" label={t('field.responsibleUnit')} extra={t('form.typeToCreate')}>
                <OrgSelect mode="party" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...third}>
              <Form.Item name="owner" label={t('field.owner')} extra={t('form.typeToCreate')}>
                <OrgSelect mode="party" kind="enterprise" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        ))}
        {section(t('form.location'), (
          <>
            <Col xs={24} lg={12}><Form.Item name="address" label={t('field.address')} rules={[{ max: 200 }]}><Input /></Form.Item></Col>
            <Col xs={12} lg={6}><Form.Item name="longitude" label={t('field.longitude')} rules={[range('longitude', 73, 136)]}><Input inputMode="decimal" placeholder="115.98" /></Form.Item></Col>
            <Col xs={12} lg={6}><Form.Item name="latitude" label={t('field.latitude')} rules={[range('latitude', 3, 54)]}><Input inputMode="decimal" placeholder="36.45" /></Form.Item></Col>
          </>
        ))}
        {section(t('form.other'), (
          <>
            <Col span={24}>
              <Form.Item name="constructionContent" label={t('field.constructionContent')} rules={[{ max: 4000 }]}>
                <Input.TextArea rows={4} showCount maxLength={4000} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="tags" label={t('field.tags')}>
                <Select mode="tags" placeholder={t('form.tagsPlaceholder')} options={(tags.data ?? []).map((x) => ({ value: x, label: x }))} />
              </Form.Item>
            </Col>
          </>
        ))}
        <div style={{ position: 'sticky', bottom: 0, background: '#fff', padding: phone ? 8 : '10px 16px', borderTop: '1px solid #e5e8ed', display: 'flex', justifyContent: 'flex-end', gap: 8, zIndex: 5 }}>
          <Button onClick={() => navigate(editing ? `/projects/${id}` : '/projects')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>{t('common.save')}</Button>
        </div>
      </Form>
    </div>
  );
}
