// A server-searched select over organisations or people. In 'id' mode it yields an id (filters);
// in 'party' mode it yields { id, name } and lets the user type a name not yet on file (forms),
// which the server then creates.
import { Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Party {
  id: string | null;
  name: string;
}

export interface LookupItem {
  id: string;
  name: string;
  hint?: string | null;
}

interface BaseProps {
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
  allowClear?: boolean;
}
export interface IdModeProps extends BaseProps {
  mode?: 'id';
  value?: string | null;
  onChange?: (id: string | undefined, label?: string) => void;
  /** Label of the current value when it is not among the loaded options (e.g. restored from the URL). */
  valueLabel?: string | null;
}
export interface PartyModeProps extends BaseProps {
  mode: 'party';
  value?: Party | null;
  onChange?: (value: Party | null) => void;
}
export type LookupSelectProps = IdModeProps | PartyModeProps;

const NEW_PREFIX = 'new:';

function useDebounced(value: string, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export default function LookupSelect(props: LookupSelectProps & { useItems: (q: string) => { data?: LookupItem[]; isFetching: boolean } }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = props.useItems(q);

  const current: { key: string; label: string } | null = useMemo(() => {
    if (props.mode === 'party') {
      const v = props.value;
      if (!v || !v.name) return null;
      return { key: v.id ?? NEW_PREFIX + v.name, label: v.name };
    }
    if (!props.value) return null;
    const found = data?.find((i) => i.id === props.value);
    return { key: props.value, label: found?.name ?? props.valueLabel ?? props.value };
  }, [props, data]);

  const options = useMemo(() => {
    const list = (data ?? []).map((i) => ({ value: i.id, label: i.name, hint: i.hint ?? '' }));
    if (current && !list.some((o) => o.value === current.key)) list.unshift({ value: current.key, label: current.label, hint: '' });
    const typed = search.trim();
    if (props.mode === 'party' && typed && !list.some((o) => o.label === typed)) {
      list.push({ value: NEW_PREFIX + typed, label: typed, hint: t('select.newItem', { name: typed }) });
    }
    return list;
  }, [data, current, search, props.mode, t]);

  const handleChange = (key: string | undefined) => {
    setSearch('');
    const opt = options.find((o) => o.value === key);
    if (props.mode === 'party') {
      if (!key || !opt) props.onChange?.(null);
      else if (key.startsWith(NEW_PREFIX)) props.onChange?.({ id: null, name: key.slice(NEW_PREFIX.length) });
      else props.onChange?.({ id: key, name: opt.label });
    } else {
      props.onChange?.(key || undefined, opt?.label);
    }
  };

  return (
    <Select
      id={props.id}
      aria-label={props['aria-label'] ?? props.placeholder}
      value={current?.key}
      onChange={handleChange}
      options={options}
      placeholder={props.placeholder}
      allowClear={props.allowClear ?? true}
      disabled={props.disabled}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      notFoundContent={isFetching ? t('common.loading') : t('common.none')}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.hint && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {o.data.hint}
            </Typography.Text>
          )}
        </span>
      )}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, ...props.style }}
    />
  );
}
