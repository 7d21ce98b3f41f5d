// 填报设置 of a region (office): cadence, the monthly deadline day, the tolerance of 超前/滞后 and
// the funds-to-investment ratio above which a report is flagged. A region without its own inherits.
import { App, Button, Card, Form, InputNumber, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CADENCES, type Cadence } from '../../../domain/reporting.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorMessage } from '../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../components/formErrors.ts';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useRegionTree } from '../../api/lookups.ts';
import type { RegionNode } from '../../api/types.ts';
import { NS } from './i18n.ts';
import { useReportingSettings, useSaveReportingSettings } from './reporting.api.ts';

function regionName(nodes: RegionNode[], code: string): string | undefined {
  for (const n of nodes) {
    if (n.code === code) return n.name;
    const hit = regionName(n.children, code);
    if (hit) return hit;
  }
  return undefined;
}

interface Values {
  cadence: Cadence;
  deadlineDay: number;
  /** In percent on screen; a fraction in the API. */
  progressTolerance: number;
  fundsRatioLimit: number;
}

export default function SettingsPanel() {
  const { t } = useTranslation(NS);
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const user = useCurrentUser();
  const [regionCode, setRegionCode] = useState(user.regionCode);
  const settings = useReportingSettings(regionCode);
  const save = useSaveReportingSettings();
  const [form] = Form.useForm<Values>();
  const s = settings.data;
  const tree = useRegionTree();

  useEffect(() => {
    if (s) {
      form.setFieldsValue({
        cadence: s.cadence, deadlineDay: s.deadlineDay,
        progressTolerance: Math.round(s.progressTolerance * 1000) / 10, fundsRatioLimit: s.fundsRatioLimit,
      });
    }
  }, [s, form]);

  const onFinish = async (v: Values) => {
    try {
      await save.mutateAsync({ regionCode, ...v, progressTolerance: Math.round(v.progressTolerance * 10) / 1000 });
      message.success(t('periods.settingsSaved'));
    } catch (e) {
      applyFieldErrors(form, e);
      message.error(errorMessage(e));
    }
  };

  return (
    <Card size="small" title={t('periods.settings')} style={{ marginBottom: 12 }}>
      <RegionTreeSelect value={regionCode} onChange={(c) => c && setRegionCode(c)} allowClear={false} style={{ width: 260, marginBottom: 8 }} />
      {s && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {s.inheritedFrom == null
            ? t('periods.defaults')
            : s.inheritedFrom !== s.regionCode ? t('periods.inherited', { region: regionName(tree.data ?? [], s.inheritedFrom) ?? t('periods.parentRegion') }) : t('periods.settingsFor', { region: s.regionName })}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={!s}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 16 }}>
        <Form.Item name="cadence" label={t('periods.cadence')} rules={[{ required: true }]}>
          <Select options={CADENCES.map((c) => ({ value: c, label: t(`enum.cadence.${c}`) }))} />
        </Form.Item>
        <Form.Item name="deadlineDay" label={t('periods.deadlineDay')} rules={[{ required: true }]}>
          <InputNumber min={1} max={28} precision={0} suffix="日" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="progressTolerance" label={t('periods.tolerance')} extra={t('periods.toleranceHint')} rules={[{ required: true }]}>
          <InputNumber min={0} max={50} step={1} precision={1} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="fundsRatioLimit" label={t('periods.fundsRatio')} extra={t('periods.fundsRatioHint')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} step={0.5} suffix="倍" style={{ width: '100%' }} />
        </Form.Item>
        </div>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('periods.saveSettings')}</Button>
      </Form>
    </Card>
  );
}
