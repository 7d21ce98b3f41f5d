// Searchable leader picker (GET /lookups/people?leader=true), by name or pinyin initials.
import { useTranslation } from 'react-i18next';
import { usePeople } from '../api/lookups.ts';
import LookupSelect, { type LookupItem, type LookupSelectProps } from './LookupSelect.tsx';

export type { Party } from './LookupSelect.tsx';

export default function PersonSelect({ leadersOnly = true, ...props }: LookupSelectProps & { leadersOnly?: boolean }) {
  const { t } = useTranslation();
  const useItems = (q: string) => {
    const r = usePeople(q, leadersOnly);
    const data: LookupItem[] | undefined = r.data?.map((p) => ({ id: p.id, name: p.name, hint: [p.title, p.orgName].filter(Boolean).join(' · ') }));
    return { data, isFetching: r.isFetching };
  };
  return <LookupSelect {...props} placeholder={props.placeholder ?? t('select.person')} useItems={useItems} />;
}
