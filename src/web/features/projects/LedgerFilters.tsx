// The ledger's filters. Every change is written to the URL at once (the search box after a pause).
import { ClearOutlined, DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Input, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBatches, useTags } from '../../api/lookups.ts';
import MoneyInput from '../../components/MoneyInput.tsx';
import OrgSelect from '../../components/OrgSelect.tsx';
import PersonSelect from '../../components/PersonSelect.tsx';
import RegionTreeSelect from '../../components/RegionTreeSelect.tsx';
import { useEnumOptions, type EnumKind } from '../../i18n/labels.ts';
import { normalizeMoneyInput } from '../../components/MoneyInput.tsx';
import { LABEL_KEYS, type LedgerView, type MultiKey } from './ledgerQuery.ts';

interface Props {
  view: LedgerView;
  update: (changes: Record<string, string | string[] | undefined>) => void;
  clearFilters: () => void;
  compact: boolean;
}

const ADVANCED_KEYS = ['category', 'industry', 'leaderId', 'responsibleUnitId', 'batchId', 'tag', 'minInvestment', 'maxInvestment'] as const;

function SearchBox({ value, onCommit }: { value: string; onCommit: (v: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const h = setTimeout(() => onCommit(text.trim()), 400);
    return () => clearTimeout(h);
  }, [text, value, onCommit]);
  return (
    <Input
      allowClear
      prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
      placeholder={t('ledger.searchPlaceholder')}
      aria-label={t('ledger.searchPlaceholder')}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => onCommit(text.trim())}
    />
  );
}

export default function LedgerFilters({ view, update, clearFilters, compact }: Props) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const batches = useBatches();
  const tags = useTags();
  const advancedActive = [...ADVANCED_KEYS, ...(compact ? (['stage', 'level'] as const) : [])].some((k) => view.params.get(k));
  const [expanded, setExpanded] = useState(advancedActive);
  const [minInv, setMinInv] = useState(view.single('minInvestment') ?? '');
  const [maxInv, setMaxInv] = useState(view.single('maxInvestment') ?? '');
  const urlMin = view.single('minInvestment') ?? '';
  const urlMax = view.single('maxInvestment') ?? '';
  useEffect(() => setMinInv(urlMin), [urlMin]);
  useEffect(() => setMaxInv(urlMax), [urlMax]);

  const multiSelect = (key: MultiKey, kind: EnumKind, labelKey: string) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      aria-label={t(labelKey)}
      placeholder={t(labelKey)}
      value={view.multi(key)}
      onChange={(v: string[]) => update({ [key]: v })}
      options={options(kind)}
      style={{ width: '100%' }}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );

  const col = { xs: 24, sm: 12, md: 8, lg: 6, xl: 4 } as const;
  const wide = { xs: 24, sm: 24, md: 16, lg: 12, xl: 6 } as const;
  const commitInvestment = () =>
    update({ minInvestment: normalizeMoneyInput(minInv) ?? undefined, maxInvestment: normalizeMoneyInput(maxInv) ?? undefined });

  return (
    <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: compact ? 8 : 12 } }}>
      <Row gutter={[8, 8]}>
        <Col {...wide}>
          <SearchBox value={view.single('q') ?? ''} onCommit={(q) => update({ q })} />
        </Col>
        <Col {...col} xs={compact ? 12 : 24}>
          <RegionTreeSelect
            value={view.single('region')}
            onChange={(region) => update({ region })}
            placeholder={t('ledger.region')}
            style={{ width: '100%' }}
          />
        </Col>
        {!compact && <Col {...col}>{multiSelect('stage', 'stage', 'ledger.stage')}</Col>}
        {!compact && <Col {...col}>{multiSelect('level', 'level', 'ledger.level')}</Col>}
        <Col flex="auto" xs={compact ? 12 : undefined} style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Space size={4}>
            <Badge dot={advancedActive && !expanded} color="#1a5bb8">
              <Button type="link" onClick={() => setExpanded(!expanded)} icon={expanded ? <UpOutlined /> : <DownOutlined />} iconPlacement="end" style={{ paddingInline: 6 }}>
                {expanded ? t('ledger.lessFilters') : t('ledger.moreFilters')}
              </Button>
            </Badge>
            <Button icon={<ClearOutlined />} onClick={clearFilters} disabled={view.activeFilterCount === 0} aria-label={t('ledger.clearFilters')}>
              {compact ? null : t('ledger.clearFilters')}
            </Button>
          </Space>
        </Col>
      </Row>
      {expanded && (
        <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
          {compact && <Col {...col}>{multiSelect('stage', 'stage', 'ledger.stage')}</Col>}
          {compact && <Col {...col}>{multiSelect('level', 'level', 'ledger.level')}</Col>}
          <Col {...col}>{multiSelect('category', 'category', 'ledger.category')}</Col>
          <Col {...col}>{multiSelect('industry', 'industry', 'ledger.industry')}</Col>
          <Col {...col}>
            <PersonSelect
              value={view.single('leaderId')}
              valueLabel={view.label('leaderId')}
              onChange={(id, label) => update({ leaderId: id, [LABEL_KEYS.leaderId]: id ? label : undefined })}
              placeholder={t('ledger.leader')}
              style={{ width: '100%' }}
            />
          </Col>
          <Col {...col}>
            <OrgSelect
              value={view.single('responsibleUnitId')}
              valueLabel={view.label('responsibleUnitId')}
              onChange={(id, label) => update({ responsibleUnitId: id, [LABEL_KEYS.responsibleUnitId]: id ? label : undefined })}
              placeholder={t('ledger.unit')}
              style={{ width: '100%' }}
            />
          </Col>
          <Col {...col}>
            <Select
              allowClear
              aria-label={t('ledger.batch')}
              placeholder={t('ledger.batch')}
              value={view.single('batchId')}
              onChange={(v?: string) => update({ batchId: v })}
              loading={batches.isLoading}
              options={(batches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              popupMatchSelectWidth={false}
              style={{ width: '100%' }}
            />
          </Col>
          <Col {...col}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              aria-label={t('ledger.tag')}
              placeholder={t('ledger.tag')}
              value={view.multi('tag')}
              onChange={(v: string[]) => update({ tag: v })}
              loading={tags.isLoading}
              options={(tags.data ?? []).map((tag) => ({ value: tag, label: tag }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={24} sm={24} md={16} lg={12} xl={8}>
            <Space.Compact style={{ width: '100%' }}>
              <MoneyInput
                aria-label={t('ledger.minInvestment')}
                placeholder={t('ledger.minInvestment')}
                value={minInv}
                onChange={setMinInv}
                onPressEnter={commitInvestment}
              />
              <MoneyInput
                aria-label={t('ledger.maxInvestment')}
                placeholder={t('ledger.maxInvestment')}
                value={maxInv}
                onChange={setMaxInv}
                onPressEnter={commitInvestment}
              />
              <Button onClick={commitInvestment} aria-label={t('common.search')} icon={<SearchOutlined />} />
            </Space.Compact>
          </Col>
        </Row>
      )}
    </Card>
  );
}
