// A select that searches the ledger on the server (name, code or pinyin initials) as the user types.
import { useEffect, useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import type { ProjectDto } from '../../../contract/projects.ts';
import { formatMoney } from '../../../domain/money.ts';
import { useProjectSearch } from './batches.api.ts';

interface Props {
  value?: string | null;
  /** Label of the current value, known before any search has run (e.g. the batch's main project name). */
  initialLabel?: string | null;
  onChange?: (id: string | null, project: ProjectDto | null) => void;
  placeholder?: string;
  /** Ids to mark as unavailable (already chosen elsewhere). */
  disabledIds?: ReadonlySet<string>;
  disabledHint?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

export default function ProjectSearchSelect(props: Props) {
  const { value, initialLabel, onChange, placeholder, disabledIds, disabledHint, allowClear = true, style } = props;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Wait for a pause in typing so each keystroke does not become a ledger query.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useProjectSearch(q);

  const options = useMemo(() => {
    interface Option { value: string; project?: ProjectDto; disabled: boolean; label: string }
    const items: Option[] = (data ?? []).map((p) => ({
      value: p.id,
      project: p,
      disabled: disabledIds?.has(p.id) ?? false,
      label: `${p.code}　${p.name}（${formatMoney(p.totalInvestment)}）${disabledIds?.has(p.id) && disabledHint ? `　${disabledHint}` : ''}`,
    }));
    if (value && !items.some((o) => o.value === value)) {
      items.unshift({ value, disabled: false, label: initialLabel ?? value });
    }
    return items;
  }, [data, value, initialLabel, disabledIds, disabledHint]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      placeholder={placeholder}
      allowClear={allowClear}
      style={style}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      options={options}
      onChange={(id: string | undefined, opt) => {
        const o = Array.isArray(opt) ? opt[0] : opt;
        onChange?.(id ?? null, (o as { project?: ProjectDto } | undefined)?.project ?? null);
      }}
    />
  );
}
