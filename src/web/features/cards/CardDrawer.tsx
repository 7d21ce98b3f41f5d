// One card explained: every indicator with its value, the threshold and the colour it gave, the rule
// version; for the office, an override with a reason (the computed card stays visible beside it).
import { App, Alert, Button, Descriptions, Drawer, Flex, Form, Grid, Input, Radio, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CardDto, CardIndicatorDto } from '../../../contract/cards.ts';
import { CARD_COLORS, type CardColor } from '../../../domain/cards.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { EDITOR_ROLES } from '../../app/permissions.ts';
import { formatDateTime } from '../../components/DateText.tsx';
import ErrorAlert, { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import { useCard, useCardActions } from './cards.api.ts';
import { NS } from './i18n.ts';
import { CardTag, ColorDot, ScoreText, useIndicatorValue } from './parts.tsx';

export function IndicatorTable({ card }: { card: CardDto }) {
  const { t } = useTranslation(NS);
  const value = useIndicatorValue();
  const columns: TableColumnsType<CardIndicatorDto> = [
    { title: t('col.indicator'), dataIndex: 'name', width: 100, render: (n: string) => <strong style={{ fontWeight: 500 }}>{t(`indicator.${n}`)}</strong> },
    {
      title: t('col.value'), key: 'value',
      render: (_: unknown, i) => (
        <Flex vertical gap={2}>
          <span className="tj-num">{value(i)}</span>
          {i.detail && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.detail}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('col.threshold'), dataIndex: 'threshold', width: 220, render: (s: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s}</Typography.Text> },
    { title: t('col.gave'), dataIndex: 'color', width: 64, align: 'center', render: (c: CardColor | null) => (c ? <CardTag color={c} short /> : <Typography.Text type="secondary">—</Typography.Text>) },
  ];
  return (
    <Table<CardIndicatorDto>
      rowKey="name"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={card.indicators}
      rowClassName={(i) => (i.color === card.color && card.color !== 'blue' ? 'tj-row-overdue' : '')}
    />
  );
}

function OverridePanel({ card }: { card: CardDto }) {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { override, removeOverride } = useCardActions();
  const [form] = Form.useForm<{ color: CardColor; reason: string }>();
  const [removing, setRemoving] = useState(false);
  const [removeForm] = Form.useForm<{ reason: string }>();

  if (card.overrideColor) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          title={<Space wrap>{t('detail.overrideColor')} <CardTag color={card.overrideColor} /> · {t('detail.computed')} <CardTag color={card.color} /></Space>}
          description={
            <>
              <div>{t('detail.overrideReason')}：{card.overrideReason}</div>
              {card.overriddenAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('detail.overriddenBy', { who: card.overriddenBy ?? '—', time: formatDateTime(card.overriddenAt) })}
                </Typography.Text>
              )}
            </>
          }
        />
        {!removing ? (
          <Button onClick={() => setRemoving(true)}>{t('detail.overrideRemove')}</Button>
        ) : (
          <Form
            form={removeForm}
            layout="vertical"
            onFinish={async (v) => {
              try {
                await removeOverride.mutateAsync({ id: card.id, reason: v.reason });
                message.success(t('detail.overrideRemoved'));
                setRemoving(false);
                removeForm.resetFields();
              } catch (e) {
                applyFieldErrors(removeForm, e);
                message.error(errorMessage(e));
              }
            }}
          >
            <Form.Item name="reason" label={t('detail.overrideRemoveReason')} rules={[{ required: true, whitespace: true, message: t('detail.reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Space>
              <Button onClick={() => setRemoving(false)}>{t('common.cancel')}</Button>
              <Button danger htmlType="submit" loading={removeOverride.isPending}>{t('detail.overrideRemove')}</Button>
            </Space>
          </Form>
        )}
      </Space>
    );
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (v) => {
        try {
          await override.mutateAsync({ id: card.id, ...v });
          message.success(t('detail.overrideSaved'));
          form.resetFields();
        } catch (e) {
          applyFieldErrors(form, e);
          message.error(errorMessage(e));
        }
      }}
    >
      <Form.Item name="color" label={t('detail.overrideColor')} rules={[{ required: true, message: t('detail.colorRequired') }]}>
        <Radio.Group>
          {CARD_COLORS.filter((c) => c !== card.color).map((c) => (
            <Radio.Button key={c} value={c}><ColorDot color={c} /> {t(`color.${c}`)}</Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="reason" label={t('detail.overrideReason')} rules={[{ required: true, whitespace: true, message: t('detail.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('detail.overrideReasonPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={override.isPending}>{t('detail.overrideSave')}</Button>
    </Form>
  );
}

export function CardExplanation({ card, canOverride }: { card: CardDto; canOverride: boolean }) {
  const { t } = useTranslation(NS);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('detail.project')} span={2}>
          <Link to={`/projects/${card.projectId}?tab=cards`}>{card.projectName}</Link>{' '}
          <Typography.Text type="secondary" className="tj-num">{card.projectCode}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.period')}>{card.periodLabel}</Descriptions.Item>
        <Descriptions.Item label={t('col.region')}>{card.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('detail.effective')}><CardTag color={card.effectiveColor} /></Descriptions.Item>
        <Descriptions.Item label={t('detail.computed')}><CardTag color={card.color} /></Descriptions.Item>
        <Descriptions.Item label={t('detail.score')}><ScoreText score={card.score} /></Descriptions.Item>
        <Descriptions.Item label={t('detail.ruleVersion')}>
          {card.ruleVersion === 0 ? t('detail.defaultRules') : t('detail.ruleVersionValue', { version: card.ruleVersion })}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.computedAt')} span={2}>{formatDateTime(card.computedAt)}</Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>{t('detail.indicators')}</Typography.Title>
        <IndicatorTable card={card} />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>{t('detail.worst')}</Typography.Paragraph>
      </div>
      {(canOverride || card.overrideColor) && (
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t('detail.override')}</Typography.Title>
          {canOverride ? (
            <OverridePanel card={card} />
          ) : (
            <Alert type="warning" showIcon title={<Space wrap>{t('detail.overrideColor')} <CardTag color={card.overrideColor!} /></Space>} description={card.overrideReason} />
          )}
        </div>
      )}
    </Space>
  );
}

/** Opens on a card id; closes with onClose. */
export default function CardDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation(NS);
  const user = useCurrentUser();
  const card = useCard(id);
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Drawer open={!!id} onClose={onClose} title={t('detail.title')} size={phone ? '100%' : 760} destroyOnHidden>
      {card.isLoading && <Spin />}
      {card.error && <ErrorAlert error={card.error} onRetry={() => void card.refetch()} />}
      {card.data && <CardExplanation card={card.data} canOverride={EDITOR_ROLES.includes(user.role)} />}
    </Drawer>
  );
}
