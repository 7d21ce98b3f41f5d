// Picks a region from the caller's subtree (GET /regions/tree); searchable by name.
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegionTree } from '../api/lookups.ts';
import type { RegionNode } from '../api/types.ts';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function toOptions(nodes: RegionNode[]): TreeOption[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, children: toOptions(n.children) }));
}

export interface RegionTreeSelectProps {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
}

export default function RegionTreeSelect({ value, onChange, placeholder, allowClear = true, style, id, disabled, ...rest }: RegionTreeSelectProps) {
  const { t } = useTranslation();
  const tree = useRegionTree();
  const treeData = useMemo(() => toOptions(tree.data ?? []), [tree.data]);
  // Open the top two levels: a city user sees the counties at once.
  const expanded = useMemo(() => treeData.map((n) => n.value), [treeData]);
  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label'] ?? placeholder ?? t('select.region')}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? undefined)}
      treeData={treeData}
      loading={tree.isLoading}
      placeholder={placeholder ?? t('select.region')}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={expanded}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, ...style }}
    />
  );
}
