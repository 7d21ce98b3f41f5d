// Turns an audit entry's before/after snapshots into the fields that changed.

export interface DiffRow {
  /** Field name; '' when the snapshot is not an object (a list of tab rows, a single value). */
  key: string;
  before: unknown;
  after: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  // Snapshots are JSON from the database: key order is stable, so comparing serialisations is enough.
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Changed fields, in the order they first appear (after's order for creations). */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const b = isPlainObject(before) ? before : isEmpty(before) ? {} : null;
  const a = isPlainObject(after) ? after : isEmpty(after) ? {} : null;
  if (!b || !a) return sameValue(before, after) ? [] : [{ key: '', before, after }];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => !sameValue(b[k], a[k])).map((k) => ({ key: k, before: b[k], after: a[k] }));
}
