// Turns an audit entry's before/after snapshots into readable field-level changes.

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  /** The field is not in the before snapshot at all (e.g. the date of a stage change). */
  added: boolean;
}

export interface RowsChange {
  beforeCount: number;
  afterCount: number;
  added: string[];
  removed: string[];
}

/** Bookkeeping fields that change on every save and say nothing to a reader. */
const IGNORED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'searchText', 'regionPath', 'projectId', 'createdBy', 'updatedBy']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function rowsOf(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (isPlainObject(v) && Array.isArray(v.items) && Object.keys(v).length === 1) return v.items;
  return null;
}

function rowName(r: unknown): string {
  if (!isPlainObject(r)) return String(r);
  for (const k of ['name', 'title', 'kind', 'code']) if (typeof r[k] === 'string' && r[k]) return r[k];
  return JSON.stringify(r);
}

export function rowsChange(before: unknown, after: unknown): RowsChange | null {
  const b = rowsOf(before);
  const a = rowsOf(after);
  if (!b && !a) return null;
  const bn = (b ?? []).map(rowName);
  const an = (a ?? []).map(rowName);
  return {
    beforeCount: bn.length,
    afterCount: an.length,
    added: an.filter((n) => !bn.includes(n)),
    removed: bn.filter((n) => !an.includes(n)),
  };
}

export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  if (!isPlainObject(before) && !isPlainObject(after)) return [];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !IGNORED.has(k));
  return keys
    .filter((k) => !same(b[k], a[k]))
    // On creation every field "changes" from nothing; empty values are noise there.
    .filter((k) => isPlainObject(before) || (a[k] != null && a[k] !== '' && !(Array.isArray(a[k]) && (a[k] as unknown[]).length === 0)))
    .map((k) => ({ field: k, before: b[k], after: a[k], added: !(k in b) }));
}

/** The kind of action, for a label: 'project.updated' → 'update', 'project.stage_changed' → 'stage'. */
export function actionKind(action: string): string | null {
  const a = action.toLowerCase();
  const rules: [RegExp, string][] = [
    [/stage/, 'stage'],
    [/team/, 'team'],
    [/procedure/, 'procedures'],
    [/factor/, 'factors'],
    [/milestone/, 'milestones'],
    [/annual|plan/, 'annual'],
    [/import/, 'import'],
    [/batch/, 'batch'],
    [/creat|insert|add/, 'create'],
    [/delet|remov/, 'delete'],
    [/updat|patch|edit|chang/, 'update'],
  ];
  for (const [re, kind] of rules) if (re.test(a)) return kind;
  return null;
}
