// Milestones reached in the period: pick one of the project's milestones and the day it was reached
// (never after today; the server refuses future dates too).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportDto } from '../../../contract/reporting.ts';
import { formatDateZh } from '../../../domain/dates.ts';
import type { ReportIssue } from '../../../domain/reporting.ts';
import { NS } from './i18n.ts';
import { appToday } from '../../app/clock.ts';

function PastDate({ value, onChange, disabled, ...rest }: { value?: string | null; onChange?: (v: string | null) => void; disabled?: boolean; 'aria-label'?: string }) {
  return (
    <DatePicker
      {...rest}
      disabled={disabled}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      format="YYYY年M月D日"
      disabledDate={(d) => d.isAfter(dayjs(appToday()), 'day')}
      style={{ width: '100%' }}
    />
  );
}

export default function MilestoneFields({ milestones, disabled, issues }: {
  milestones: ReportDto['context']['milestones'];
  disabled?: boolean;
  issues: ReportIssue[];
}) {
  const { t } = useTranslation(NS);
  if (milestones.length === 0) return <Typography.Text type="secondary">{t('report.noMilestones')}</Typography.Text>;
  const options = milestones.map((m) => ({
    value: m.id,
    label: `${m.name}${m.actualDate ? `（${t('report.alreadyDone', { date: formatDateZh(m.actualDate) })}）` : m.plannedDate ? `（${t('report.plannedDate', { date: formatDateZh(m.plannedDate) })}）` : ''}`,
  }));
  return (
    <Form.List name="milestoneDates">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => {
            const hint = issues.find((i) => i.field === `milestoneDates.${f.name}.actualDate`);
            return (
              <div key={f.key} style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(150px, 1fr) auto', gap: 8, alignItems: 'start' }}>
                <Form.Item name={[f.name, 'milestoneId']} rules={[{ required: true, message: t('report.milestone') }]}>
                  <Select disabled={disabled} options={options} aria-label={t('report.milestone')} placeholder={t('report.milestone')} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'actualDate']}
                  rules={[{ required: true, message: t('report.actualDate') }]}
                  extra={hint && <Typography.Text type="warning">{hint.message}</Typography.Text>}
                >
                  <PastDate disabled={disabled} aria-label={t('report.actualDate')} />
                </Form.Item>
                {!disabled && <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.cancel')} onClick={() => remove(f.name)} />}
              </div>
            );
          })}
          {!disabled && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('report.addMilestone')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
