// Searchable organisation picker (GET /lookups/orgs): responsible units, owners.
import { useTranslation } from 'react-i18next';
import type { OrgKind } from '../../domain/enums.ts';
import { useOrgs } from '../api/lookups.ts';
import LookupSelect, { type LookupItem, type LookupSelectProps } from './LookupSelect.tsx';

export type { Party } from './LookupSelect.tsx';

export default function OrgSelect({ kind, ...props }: LookupSelectProps & { kind?: OrgKind }) {
  const { t } = useTranslation();
  const useItems = (q: string) => {
    const r = useOrgs(q, kind);
    const data: LookupItem[] | undefined = r.data?.map((o) => ({ id: o.id, name: o.name, hint: t(`enum.orgKind.${o.kind}`, { defaultValue: '' }) }));
    return { data, isFetching: r.isFetching };
  };
  return <LookupSelect {...props} placeholder={props.placeholder ?? t('select.org')} useItems={useItems} />;
}
