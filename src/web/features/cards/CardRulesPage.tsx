// 亮牌评定规则 of a city: the current thresholds, score weights and supervision deadline as a form, the
// saved versions, and a preview of how the last locked period's cards would change before saving.
import { ArrowLeftOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CardRuleSetDto, CardRulesDto, CardRulesPreview, ColorCounts } from '../../../contract/cards.ts';
import { CARD_COLORS, CARD_SCORE_PARTS } from '../../../domain/cards.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { EDITOR_ROLES } from '../../app/permissions.ts';
import { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useCardRules, useCardRulesActions } from './cards.api.ts';
import { NS } from './i18n.ts';
import { CARD_HEX, CardTag } from './parts.tsx';

/** On screen gaps are percentage points; the API keeps fractions (0.10 = 10 points). */
interface Values {
  investment: { yellowAbove: number; redAbove: number };
  milestones: { redMonths: number };
  reporting: { yellowMissing: number; redMissing: number };
  problems: { yellowOverdue: number };
  score: { weights: Record<string, number>; gapFloor: number; overdueMonthsFloor: number };
  supervision: { deadlineDays: number };
  note?: string;
}

const toPoints = (f: number) => Math.round(f * 1000) / 10;
const toFraction = (p: number) => Math.round(p * 10) / 1000;

function toValues(r: CardRulesDto): Values {
  return {
    ...r,
    investment: { yellowAbove: toPoints(r.investment.yellowAbove), redAbove: toPoints(r.investment.redAbove) },
    score: { ...r.score, gapFloor: toPoints(r.score.gapFloor) },
  };
}

function toRules(v: Values): CardRulesDto {
  return {
    investment: { yellowAbove: toFraction(v.investment.yellowAbove), redAbove: toFraction(v.investment.redAbove) },
    milestones: v.milestones,
    reporting: v.reporting,
    problems: v.problems,
    score: { weights: v.score.weights as CardRulesDto['score']['weights'], gapFloor: toFraction(v.score.gapFloor), overdueMonthsFloor: v.score.overdueMonthsFloor },
    supervision: v.supervision,
  };
}

/** Every field of the rules (the note is asked for only when saving). */
const RULE_FIELDS: (string | number)[][] = [
  ['investment', 'yellowAbove'], ['investment', 'redAbove'], ['milestones', 'redMonths'], ['reporting', 'yellowMissing'],
  ['reporting', 'redMissing'], ['problems', 'yellowOverdue'], ...CARD_SCORE_PARTS.map((p) => ['score', 'weights', p]),
  ['score', 'gapFloor'], ['score', 'overdueMonthsFloor'], ['supervision', 'deadlineDays'],
];

/** Server paths name fractions as 'rules.investment.redAbove'; the form has no 'rules' level. */
const stripRules = (field: string) => field.replace(/^rules\./, '');

function Counts({ c }: { c: ColorCounts }) {
  return (
    <Space size={12}>
      {CARD_COLORS.map((k) => <span key={k}><CardTag color={k} short /> <strong className="tj-num" style={{ color: CARD_HEX[k] }}>{c[k]}</strong></span>)}
    </Space>
  );
}

function PreviewResult({ p }: { p: CardRulesPreview }) {
  const { t } = useTranslation(NS);
  type Change = CardRulesPreview['changes'][number];
  const columns: TableColumnsType<Change> = [
    { title: t('col.project'), key: 'p', render: (_: unknown, c) => <Link to={`/projects/${c.projectId}?tab=cards`}>{c.projectName}</Link> },
    { title: t('col.region'), dataIndex: 'regionName', width: 110 },
    { title: t('rules.col.from'), key: 'from', width: 150, render: (_: unknown, c) => <Space><CardTag color={c.before} short /><span className="tj-num">{c.scoreBefore.toFixed(1)}</span></Space> },
    { title: t('rules.col.to'), key: 'to', width: 150, render: (_: unknown, c) => <Space><CardTag color={c.after} short /><span className="tj-num">{c.scoreAfter.toFixed(1)}</span></Space> },
  ];
  if (!p.periodId) return <Alert type="info" showIcon title={t('rules.previewNoPeriod')} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text strong>{t('rules.previewTitle', { label: p.periodLabel })}</Typography.Text>
      <Flex wrap gap={24}>
        <div><Typography.Text type="secondary">{t('rules.before')}：</Typography.Text><Counts c={p.now} /></div>
        <div><Typography.Text type="secondary">{t('rules.after')}：</Typography.Text><Counts c={p.proposed} /></div>
      </Flex>
      <Typography.Text>{t('rules.changes', { count: p.changes.length })}</Typography.Text>
      <Table<Change>
        rowKey="projectId"
        size="small"
        columns={columns}
        dataSource={p.changes}
        pagination={p.changes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('rules.noChanges') }}
      />
    </Flex>
  );
}

export default function CardRulesPage() {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const rules = useCardRules(regionCode);
  // A county or park is assessed by its city's rules: only a city's (or the province's) office edits them.
  const canEdit = EDITOR_ROLES.includes(user.role) && !!rules.data?.editable;
  const { preview, save } = useCardRulesActions();
  const [form] = Form.useForm<Values>();
  const [previewed, setPreviewed] = useState<{ key: string; result: CardRulesPreview } | null>(null);
  const values = Form.useWatch([], form) as Values | undefined;
  const current = rules.data?.current;
  const region = rules.data?.regionCode;

  const load = (r: CardRulesDto) => {
    form.setFieldsValue(toValues(r));
    setPreviewed(null);
  };
  useEffect(() => {
    if (current) load(current.rules);
    // Load once per fetched rule set; the form is the user's after that.
  }, [current]);

  const rulesKey = (v: Values | undefined) => (v ? JSON.stringify(toRules(v)) : '');
  const previewFresh = previewed != null && previewed.key === rulesKey(values);

  const fieldErrors = (e: unknown) => applyFieldErrors(form, e, (err) =>
    err.details.filter((d) => d.field).map((d) => ({ name: stripRules(d.field!).split('.'), errors: [d.message] })));

  const onPreview = async () => {
    try {
      const v = (await form.validateFields(RULE_FIELDS)) as Values;
      const result = await preview.mutateAsync({ regionCode: region, rules: toRules(v) });
      setPreviewed({ key: rulesKey(v), result });
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      fieldErrors(e);
      message.error(errorMessage(e));
    }
  };

  const onSave = async () => {
    try {
      const v = await form.validateFields();
      const r = await save.mutateAsync({ regionCode: region, rules: toRules(v), note: v.note ?? '' });
      message.success(t('rules.saved', { version: r.current.version }));
      form.setFieldValue('note', undefined);
      setPreviewed(null);
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      fieldErrors(e);
      message.error(errorMessage(e));
    }
  };

  const num = (name: (string | number)[], label: string, suffix: string, opts: { min?: number; max?: number; step?: number; precision?: number; extra?: string } = {}) => (
    <Form.Item name={name} label={label} extra={opts.extra} rules={[{ required: true, message: t('rules.required', { field: label }) }]}>
      <InputNumber min={opts.min ?? 0} max={opts.max} step={opts.step ?? 1} precision={opts.precision ?? 0} suffix={suffix} style={{ width: '100%' }} disabled={!canEdit} />
    </Form.Item>
  );

  const historyColumns: TableColumnsType<CardRuleSetDto> = [
    { title: t('rules.col.version'), dataIndex: 'version', width: 80, render: (v: number) => t('rules.currentVersion', { version: v }) },
    { title: t('rules.col.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
    { title: t('rules.col.createdBy'), dataIndex: 'createdBy', width: 140, render: (n: string | null) => n ?? '—' },
    { title: t('rules.col.createdAt'), dataIndex: 'createdAt', width: 170, render: (d: string | null) => formatDateTime(d) },
    ...(canEdit ? [{ title: '', key: 'load', width: 90, render: (_: unknown, r: CardRuleSetDto) => <Button size="small" onClick={() => load(r.rules)}>{t('rules.load')}</Button> }] : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Card
        title={<Space><Link to="/cards"><Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('rules.back')} /></Link>{t('rules.title')}</Space>}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('rules.region')}</Typography.Text>
            <RegionTreeSelect aria-label={t('rules.region')} value={regionCode ?? region} onChange={(c) => setRegionCode(c)} allowClear={false} style={{ width: 180 }} />
          </Space>
        }
      >
        {rules.error && <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} style={{ marginBottom: 12 }} />}
        {current && (
          <Typography.Paragraph type="secondary">
            {rules.data!.regionName} · {current.version === 0 ? t('rules.defaults') : `${t('rules.current')}：${t('rules.currentVersion', { version: current.version })}${current.note ? `（${current.note}）` : ''}`}
            {EDITOR_ROLES.includes(user.role) && !rules.data!.editable && <><br />{t('rules.cityOnly')}</>}
          </Typography.Paragraph>
        )}
        <Form<Values> form={form} layout="vertical" disabled={!current}>
          <Row gutter={[24, 0]}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('rules.investment')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('rules.investmentHint')}</Typography.Paragraph>
              <Row gutter={12}>
                <Col span={12}>{num(['investment', 'yellowAbove'], t('rules.yellowAbove'), t('rules.points'), { min: -100, max: 100, step: 1, precision: 1 })}</Col>
                <Col span={12}>{num(['investment', 'redAbove'], t('rules.redAbove'), t('rules.points'), { min: -100, max: 100, step: 1, precision: 1 })}</Col>
              </Row>
              <Typography.Title level={5}>{t('rules.milestones')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('rules.milestonesHint')}</Typography.Paragraph>
              <Row gutter={12}>
                <Col span={12}>{num(['milestones', 'redMonths'], t('rules.redMonths'), t('rules.months'), { min: 1, max: 24 })}</Col>
              </Row>
              <Typography.Title level={5}>{t('rules.reporting')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('rules.reportingHint')}</Typography.Paragraph>
              <Row gutter={12}>
                <Col span={12}>{num(['reporting', 'yellowMissing'], t('rules.yellowMissing'), t('rules.periods'), { min: 1, max: 12 })}</Col>
                <Col span={12}>{num(['reporting', 'redMissing'], t('rules.redMissing'), t('rules.periods'), { min: 1, max: 12 })}</Col>
              </Row>
              <Typography.Title level={5}>{t('rules.problems')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('rules.problemsHint')}</Typography.Paragraph>
              <Row gutter={12}>
                <Col span={12}>{num(['problems', 'yellowOverdue'], t('rules.yellowOverdue'), t('rules.items'), { min: 1, max: 100 })}</Col>
              </Row>
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t('rules.weights')}</Typography.Title>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('rules.weightsHint')}</Typography.Paragraph>
              <Row gutter={12}>
                {CARD_SCORE_PARTS.map((p) => <Col span={12} key={p}>{num(['score', 'weights', p], t(`scorePart.${p}`), '', { min: 0, max: 100 })}</Col>)}
                <Col span={12}>{num(['score', 'gapFloor'], t('rules.gapFloor'), t('rules.points'), { min: 0.1, max: 100, precision: 1, extra: t('rules.gapFloorHint') })}</Col>
                <Col span={12}>{num(['score', 'overdueMonthsFloor'], t('rules.overdueMonthsFloor'), t('rules.months'), { min: 0.5, max: 60, step: 0.5, precision: 1, extra: t('rules.overdueMonthsFloorHint') })}</Col>
              </Row>
              <Typography.Title level={5}>{t('rules.supervision')}</Typography.Title>
              <Row gutter={12}>
                <Col span={12}>{num(['supervision', 'deadlineDays'], t('rules.deadlineDays'), t('rules.days'), { min: 1, max: 365 })}</Col>
              </Row>
              {canEdit && (
                <Form.Item name="note" label={t('rules.note')} rules={[{ required: true, whitespace: true, message: t('rules.noteRequired') }]}>
                  <Input.TextArea rows={2} maxLength={500} placeholder={t('rules.notePlaceholder')} />
                </Form.Item>
              )}
            </Col>
          </Row>
          {canEdit && (
            <Flex gap={8} wrap align="center">
              <Button icon={<EyeOutlined />} onClick={() => void onPreview()} loading={preview.isPending}>{t('rules.preview')}</Button>
              <Button type="primary" icon={<SaveOutlined />} onClick={() => void onSave()} loading={save.isPending} disabled={!previewFresh}>{t('rules.save')}</Button>
              {current && <Button type="link" onClick={() => load(current.rules)}>{t('rules.reset')}</Button>}
              {!previewFresh && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('rules.previewFirst')}</Typography.Text>}
            </Flex>
          )}
        </Form>
      </Card>
      {previewed && (
        <Card size="small" title={<Space>{t('rules.preview')}{!previewFresh && <Tag color="warning">{t('rules.stale')}</Tag>}</Space>}>
          <PreviewResult p={previewed.result} />
        </Card>
      )}
      <Card size="small" title={t('rules.history')}>
        <Table<CardRuleSetDto>
          rowKey="version"
          size="small"
          columns={historyColumns}
          dataSource={rules.data?.history ?? []}
          pagination={false}
          locale={{ emptyText: t('rules.noHistory') }}
        />
      </Card>
    </Flex>
  );
}
