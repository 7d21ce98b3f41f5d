// Between the project form's values and the API's ProjectCreate / ProjectPatch bodies.
import type { Category, Industry, Level } from '../../../domain/enums.ts';
import type { Project, ProjectCreateInput } from '../../api/types.ts';
import type { FieldDetail } from '../../api/client.ts';
import type { Party } from '../../components/LookupSelect.tsx';
import { normalizeMoneyInput } from '../../components/MoneyInput.tsx';

export const FUND_KEYS = ['government', 'specialBonds', 'bankLoans', 'selfRaised', 'other'] as const;
export type FundKey = (typeof FUND_KEYS)[number];

export interface ProjectFormValues {
  code: string;
  name: string;
  regionCode?: string;
  level?: Level;
  category?: Category;
  industry?: Industry;
  stage?: 'reserve' | 'preparation';
  totalInvestment: string;
  fundSources: Partial<Record<FundKey, string>>;
  plannedStart: string | null;
  plannedCompletion: string | null;
  plannedProduction: string | null;
  leader: Party | null;
  responsibleUnit: Party | null;
  owner: Party | null;
  constructionContent: string;
  address: string;
  longitude: string;
  latitude: string;
  reserveGrade: 'A' | 'B' | 'C' | null;
  targetYear: number | null;
  tags: string[];
}

export function emptyValues(): ProjectFormValues {
  return {
    code: '', name: '', stage: 'preparation', totalInvestment: '', fundSources: {}, plannedStart: null, plannedCompletion: null,
    plannedProduction: null, leader: null, responsibleUnit: null, owner: null, constructionContent: '', address: '',
    longitude: '', latitude: '', reserveGrade: null, targetYear: null, tags: [],
  };
}

const party = (id: string | null, name: string | null): Party | null => (name ? { id, name } : null);

export function valuesFromProject(p: Project): ProjectFormValues {
  return {
    code: p.code, name: p.name, regionCode: p.regionCode, level: p.level, category: p.category, industry: p.industry,
    totalInvestment: p.totalInvestment, fundSources: { ...p.fundSources },
    plannedStart: p.plannedStart, plannedCompletion: p.plannedCompletion, plannedProduction: p.plannedProduction,
    leader: party(p.leaderId, p.leaderName), responsibleUnit: party(p.responsibleUnitId, p.responsibleUnit), owner: party(p.ownerId, p.owner),
    constructionContent: p.constructionContent ?? '', address: p.address ?? '', longitude: p.longitude ?? '', latitude: p.latitude ?? '',
    reserveGrade: p.reserveGrade, targetYear: p.targetYear, tags: [...p.tags],
  };
}

const text = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
const num = (v: string | null | undefined) => (v == null || String(v).trim() === '' ? null : Number(v));

/** A picked record goes by id; a typed new name goes by name (the server creates it). */
function partyFields<I extends string, N extends string>(idKey: I, nameKey: N, v: Party | null): Record<I | N, string | null> {
  if (!v) return { [idKey]: null, [nameKey]: null } as Record<I | N, string | null>;
  if (v.id) return { [idKey]: v.id } as Record<I | N, string | null>;
  return { [idKey]: null, [nameKey]: v.name } as Record<I | N, string | null>;
}

/** The body fields of both create and patch. */
export function toBody(v: ProjectFormValues): Omit<ProjectCreateInput, 'stage'> & Record<string, unknown> {
  const fundSources: Partial<Record<FundKey, string>> = {};
  for (const k of FUND_KEYS) {
    const amount = normalizeMoneyInput(v.fundSources?.[k]);
    if (amount != null) fundSources[k] = amount;
  }
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    regionCode: v.regionCode ?? '',
    level: v.level!,
    category: v.category!,
    industry: v.industry!,
    totalInvestment: normalizeMoneyInput(v.totalInvestment) ?? '',
    fundSources,
    plannedStart: v.plannedStart ?? null,
    plannedCompletion: v.plannedCompletion ?? null,
    plannedProduction: v.plannedProduction ?? null,
    ...partyFields('leaderId', 'leaderName', v.leader),
    ...partyFields('responsibleUnitId', 'responsibleUnit', v.responsibleUnit),
    ...partyFields('ownerId', 'owner', v.owner),
    constructionContent: text(v.constructionContent),
    address: text(v.address),
    longitude: num(v.longitude),
    latitude: num(v.latitude),
    reserveGrade: v.reserveGrade ?? null,
    targetYear: v.targetYear ?? null,
    tags: v.tags ?? [],
  };
}

/** Only what changed, so the history shows what the user actually edited. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(v ?? null) !== JSON.stringify(before[k] ?? null)) out[k] = v;
  }
  // A party is one thing to the user: send its id and name together.
  for (const [id, name] of [['leaderId', 'leaderName'], ['responsibleUnitId', 'responsibleUnit'], ['ownerId', 'owner']] as const) {
    if (id in out || name in out) {
      out[id] = after[id] ?? null;
      if (after[name] !== undefined) out[name] = after[name];
    }
  }
  return out;
}

/** Server field names → form field names. */
const FIELD_ALIASES: Record<string, string> = {
  leaderId: 'leader', leaderName: 'leader', responsibleUnitId: 'responsibleUnit', ownerId: 'owner',
};

export function serverErrorsToFields(details: FieldDetail[]): { name: (string | number)[]; errors: string[] }[] {
  const map = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const d of details) {
    if (!d.field) continue;
    const parts = d.field.split('.');
    parts[0] = FIELD_ALIASES[parts[0]!] ?? parts[0]!;
    const key = parts.join('.');
    const entry = map.get(key) ?? { name: parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [] };
    entry.errors.push(d.message);
    map.set(key, entry);
  }
  return [...map.values()];
}
