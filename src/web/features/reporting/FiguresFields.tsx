// The figure boxes of a report (investment, funds by source with their total), used by the report
// form and by the correction request. Live hints from checkReport() show under the fields they name.
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FUND_SOURCES } from '../../../domain/reporting.ts';
import Money from '../../components/Money.tsx';
import MoneyInput from '../../components/MoneyInput.tsx';
import type { ReportIssue } from '../../../domain/reporting.ts';
import { NS } from './i18n.ts';
import { TipTitle } from './parts.tsx';
import { typedFundsTotal, type ReportFormValues } from './reportForm.ts';

const warn = (issues: ReportIssue[], field: string) => {
  const hit = issues.filter((i) => i.field === field);
  return hit.length ? <Typography.Text type="warning">{hit.map((i) => i.message).join('；')}</Typography.Text> : undefined;
};

export default function FiguresFields({ disabled, issues, serverFundsError }: {
  disabled?: boolean;
  issues: ReportIssue[];
  /** A server message about the funds as a whole (field "fundsBySource"). */
  serverFundsError?: string;
}) {
  const { t } = useTranslation(NS);
  const form = Form.useFormInstance<ReportFormValues>();
  const values = Form.useWatch([], form) ?? {};
  return (
    <>
      <Form.Item name="investment" label={t('report.investment')} extra={warn(issues, 'investment')} style={{ maxWidth: 320 }}>
        <MoneyInput disabled={disabled} aria-label={t('report.investment')} placeholder="0" />
      </Form.Item>
      <Typography.Text strong>{t('report.funds')}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', columnGap: 16, marginTop: 8 }}>
        {FUND_SOURCES.map((k) => (
          <Form.Item key={k} name={['fundsBySource', k]} label={t(`enum.fundSource.${k}`)} extra={warn(issues, `fundsBySource.${k}`)}>
            <MoneyInput disabled={disabled} aria-label={t(`enum.fundSource.${k}`)} placeholder="0" />
          </Form.Item>
        ))}
      </div>
      <div style={{ marginBottom: 16 }}>
        <TipTitle tip={t('tip.fundsArrived')}>{t('report.fundsTotal')}</TipTitle>：
        <strong><Money value={typedFundsTotal(values)} unit="wan" /></strong>
        {serverFundsError && <div><Typography.Text type="danger">{serverFundsError}</Typography.Text></div>}
        {warn(issues, 'fundsBySource') && <div>{warn(issues, 'fundsBySource')}</div>}
      </div>
    </>
  );
}
