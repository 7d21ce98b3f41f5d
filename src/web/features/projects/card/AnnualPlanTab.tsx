// 年度计划: the year's planned investment, an optional 12-month split whose running sum must come
// to the year's figure, and the must-start / complete / produce targets.
import { App as AntApp, Alert, Button, Card, Col, Empty, Form, Row, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import Decimal from 'decimal.js';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWan, parseMoney } from '../../../../domain/money.ts';
import { applyFieldErrors } from '../../../components/formErrors.ts';
import type { ProjectCard } from '../../../api/types.ts';
import ErrorAlert from '../../../components/ErrorAlert.tsx';
import Money from '../../../components/Money.tsx';
import MoneyInput, { normalizeMoneyInput, useMoneyRule } from '../../../components/MoneyInput.tsx';
import { useAnnualPlan, useSaveAnnualPlan } from '../projects.api.ts';
import { appYear } from '../../../app/clock.ts';

interface Values {
  plannedInvestment: string;
  split: boolean;
  monthly: string[];
  mustStart: boolean;
  mustComplete: boolean;
  mustProduce: boolean;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i);
const amount = (v: unknown): Decimal => {
  const r = parseMoney(v);
  return r.ok ? new Decimal(r.value) : new Decimal(0);
};

function MonthlyCheck({ form }: { form: ReturnType<typeof Form.useForm<Values>>[0] }) {
  const { t } = useTranslation();
  const monthly = Form.useWatch('monthly', form) ?? [];
  const planned = Form.useWatch('plannedInvestment', form);
  const sum = monthly.reduce((acc: Decimal, m: string) => acc.plus(amount(m)), new Decimal(0));
  const plan = amount(planned);
  const ok = sum.equals(plan);
  const args = { sum: formatWan(sum.toString()), plan: formatWan(plan.toString()), diff: formatWan(sum.minus(plan).abs().toString()) };
  return (
    <Alert
      type={ok ? 'success' : 'error'}
      showIcon
      role="status"
      style={{ marginTop: 8 }}
      title={ok ? t('card.annual.sumCheckOk', args) : t('card.annual.sumCheckBad', args)}
    />
  );
}

function CumulativeCell({ form, index }: { form: ReturnType<typeof Form.useForm<Values>>[0]; index: number }) {
  const { t } = useTranslation();
  const monthly = Form.useWatch('monthly', form) ?? [];
  const cum = monthly.slice(0, index + 1).reduce((acc: Decimal, m: string) => acc.plus(amount(m)), new Decimal(0));
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('card.annual.cumulative')} <span className="tj-num">{formatWan(cum.toString())}</span>
    </Typography.Text>
  );
}

export default function AnnualPlanTab({ card }: { card: ProjectCard }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const thisYear = appYear();
  const [year, setYear] = useState(thisYear);
  const years = useMemo(() => {
    const set = new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...card.annualPlans.map((p) => p.year)]);
    return [...set].sort((a, b) => b - a);
  }, [card.annualPlans, thisYear]);
  const plan = useAnnualPlan(card.project.id, year);
  const save = useSaveAnnualPlan(card.project.id, year);
  const [form] = Form.useForm<Values>();
  const moneyRule = useMoneyRule();
  const split = Form.useWatch('split', form);
  const [editing, setEditing] = useState(false);

  const fill = () => {
    const p = plan.data;
    form.setFieldsValue({
      plannedInvestment: p?.plannedInvestment ?? '',
      split: !!p?.monthly,
      monthly: p?.monthly ?? MONTHS.map(() => ''),
      mustStart: p?.mustStart ?? false,
      mustComplete: p?.mustComplete ?? false,
      mustProduce: p?.mustProduce ?? false,
    });
  };
  useEffect(() => {
    if (plan.data === undefined) return;
    fill();
    setEditing(false);
    save.reset();
  }, [plan.data, year]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = (v: Values) => {
    // The server refuses a split whose months do not add up to the year; say so before sending.
    if (v.split && !v.monthly.reduce((acc, m) => acc.plus(amount(m)), new Decimal(0)).equals(amount(v.plannedInvestment))) {
      void message.error(t('card.annual.sumMustMatch'));
      return;
    }
    save.mutate(
      {
        plannedInvestment: normalizeMoneyInput(v.plannedInvestment) ?? '0',
        monthly: v.split ? v.monthly.map((m) => normalizeMoneyInput(m) ?? '0') : null,
        mustStart: v.mustStart,
        mustComplete: v.mustComplete,
        mustProduce: v.mustProduce,
      },
      {
        onSuccess: () => {
          void message.success(t('card.annual.saved', { year }));
          setEditing(false);
        },
        onError: (e) => {
          applyFieldErrors(form, e);
        },
      },
    );
  };

  const readOnly = !card.canEdit || !editing;
  const p = plan.data;

  return (
    <div>
      <div className="tj-page-head">
        <Space>
          <span>{t('card.annual.year')}</span>
          <Select
            aria-label={t('card.annual.year')}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y}` }))}
            style={{ width: 110 }}
          />
        </Space>
        {card.canEdit && !editing && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      </div>
      {plan.error && <ErrorAlert error={plan.error} />}
      {plan.isLoading && <Spin />}
      {plan.data === null && readOnly && <Empty description={t('card.annual.noPlan', { year })} />}
      {p && readOnly && (
        <Card size="small">
          <Space size={24} wrap>
            <span>{t('field.plannedInvestment')}：<strong><Money value={p.plannedInvestment} /></strong></span>
            {p.mustStart && <Tag color="cyan">{t('field.mustStart')}</Tag>}
            {p.mustComplete && <Tag color="geekblue">{t('field.mustComplete')}</Tag>}
            {p.mustProduce && <Tag color="green">{t('field.mustProduce')}</Tag>}
          </Space>
          {p.monthly && (
            <Row gutter={[8, 8]} style={{ marginTop: 12 }}>
              {p.monthly.map((m, i) => (
                <Col key={i} xs={12} sm={8} md={6} lg={4}>
                  <div style={{ border: '1px solid #eef0f3', borderRadius: 4, padding: '6px 10px' }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('card.annual.month', { month: i + 1 })}</Typography.Text>
                    <div><Money value={m} unit="wan" /></div>
                  </div>
                </Col>
              ))}
            </Row>
          )}
        </Card>
      )}
      <Form form={form} layout="vertical" onFinish={submit} style={{ display: readOnly ? 'none' : undefined }}>
        {save.error && <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="plannedInvestment"
              label={t('card.annual.plannedInvestment')}
              rules={[{ required: true, message: t('common.required', { field: t('field.plannedInvestment') }) }, moneyRule()]}
            >
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label={t('card.annual.targets')}>
              <Space wrap size={16}>
                {(['mustStart', 'mustComplete', 'mustProduce'] as const).map((k) => (
                  <Space key={k} size={6}>
                    <Form.Item name={k} valuePropName="checked" noStyle>
                      <Switch aria-label={t(`field.${k}`)} />
                    </Form.Item>
                    <span>{t(`field.${k}`)}</span>
                  </Space>
                ))}
              </Space>
            </Form.Item>
          </Col>
        </Row>
        <Space size={6} style={{ marginBottom: 12 }}>
          <Form.Item name="split" valuePropName="checked" noStyle>
            <Switch aria-label={t('card.annual.splitMonthly')} />
          </Form.Item>
          <span>{t('card.annual.splitMonthly')}</span>
        </Space>
        {split && (
          <>
            <Row gutter={[12, 0]}>
              {MONTHS.map((i) => (
                <Col key={i} xs={12} sm={8} md={6} lg={4}>
                  <Form.Item name={['monthly', i]} label={t('card.annual.month', { month: i + 1 })} rules={[moneyRule()]} style={{ marginBottom: 4 }}>
                    <MoneyInput />
                  </Form.Item>
                  <CumulativeCell form={form} index={i} />
                </Col>
              ))}
            </Row>
            <MonthlyCheck form={form} />
          </>
        )}
        <Space style={{ marginTop: 16 }}>
          <Button onClick={() => { fill(); save.reset(); setEditing(false); }}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Space>
      </Form>
    </div>
  );
}
