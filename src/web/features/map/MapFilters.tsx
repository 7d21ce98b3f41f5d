// The map's filters (region, stage, card, industry, leader, batch, card period), all kept in the URL.
import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAP_COLORS } from '../../../contract/map.ts';
import { useBatches } from '../../api/lookups.ts';
import PersonSelect from '../../components/PersonSelect.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useEnumOptions } from '../../i18n/labels.ts';
import { usePeriods } from '../reporting/reporting.api.ts';
import { NS } from './i18n.ts';
import { CARD_HEX } from './MapChart.tsx';
import type { MapView } from './mapView.ts';

export default function MapFilters({ view, update, regionCode, leaderName }: {
  view: MapView;
  update: (changes: Partial<Record<keyof MapView, string | string[] | undefined>>) => void;
  /** The region the server settled on. */
  regionCode?: string;
  leaderName?: string | null;
}) {
  const { t } = useTranslation(NS);
  const options = useEnumOptions();
  const batches = useBatches();
  const periods = usePeriods();
  const label = (text: string, htmlFor?: string) => <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}><label htmlFor={htmlFor}>{text}</label></Typography.Text>;
  const field = (text: string, control: React.ReactNode) => <Flex gap={6} align="center">{label(text)}{control}</Flex>;
  const any = view.stage.length || view.color.length || view.industry.length || view.leader || view.batch || view.periodId;

  return (
    <Flex wrap gap={10} align="center">
      {field(t('filter.region'), (
        <RegionTreeSelect aria-label={t('filter.region')} allowClear={false} value={view.region ?? regionCode} onChange={(c) => update({ region: c })} style={{ width: 170 }} />
      ))}
      {field(t('filter.stage'), (
        <Select
          mode="multiple" allowClear maxTagCount="responsive" aria-label={t('filter.stage')} placeholder={t('filter.allStages')}
          value={view.stage} onChange={(v: string[]) => update({ stage: v })} options={options('stage')} style={{ width: 210 }}
        />
      ))}
      {field(t('filter.color'), (
        <Select
          mode="multiple" allowClear aria-label={t('filter.color')} placeholder={t('filter.allColors')}
          value={view.color} onChange={(v: string[]) => update({ color: v })} style={{ width: 190 }} maxTagCount="responsive"
          options={MAP_COLORS.map((c) => ({
            value: c,
            label: <span><span aria-hidden style={{ color: CARD_HEX[c], marginInlineEnd: 4 }}>●</span>{t(`color.${c}`)}</span>,
          }))}
        />
      ))}
      {field(t('filter.industry'), (
        <Select
          mode="multiple" allowClear maxTagCount="responsive" aria-label={t('filter.industry')} placeholder={t('filter.allIndustries')}
          value={view.industry} onChange={(v: string[]) => update({ industry: v })} options={options('industry')} style={{ width: 200 }}
          optionFilterProp="label"
        />
      ))}
      {field(t('filter.leader'), (
        <PersonSelect aria-label={t('filter.leader')} value={view.leader} valueLabel={leaderName} onChange={(id) => update({ leader: id })} style={{ width: 160 }} allowClear />
      ))}
      {field(t('filter.batch'), (
        <Select
          allowClear showSearch={{ optionFilterProp: 'label' }} aria-label={t('filter.batch')} placeholder={t('filter.allBatches')}
          value={view.batch} onChange={(v?: string) => update({ batch: v })} loading={batches.isLoading} style={{ width: 220 }}
          options={(batches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} popupMatchSelectWidth={false}
        />
      ))}
      {field(t('filter.period'), (
        <Select
          allowClear aria-label={t('filter.period')} placeholder={t('filter.latestCard')}
          value={view.periodId} onChange={(v?: string) => update({ periodId: v })} loading={periods.isLoading} style={{ width: 200 }}
          options={(periods.data ?? []).map((p) => ({ value: p.id, label: `${p.regionName} ${p.label}${p.status === 'open' ? t('filter.open') : ''}` }))}
          popupMatchSelectWidth={false}
        />
      ))}
      {!!any && (
        <Button type="link" icon={<ClearOutlined />} onClick={() => update({ stage: [], color: [], industry: [], leader: undefined, batch: undefined, periodId: undefined })}>
          {t('filter.clear')}
        </Button>
      )}
    </Flex>
  );
}
