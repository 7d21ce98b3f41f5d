import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './auditDiff.ts';

describe('diffSnapshots', () => {
  it('lists only the fields whose values differ, in order of appearance', () => {
    const rows = diffSnapshots(
      { level: 'municipal', venue: '会展中心', name: '秋季集中开工' },
      { level: 'provincial', venue: '会展中心', name: '秋季集中开工', season: 'autumn' },
    );
    expect(rows).toEqual([
      { key: 'level', before: 'municipal', after: 'provincial' },
      { key: 'season', before: undefined, after: 'autumn' },
    ]);
  });

  it('treats a creation (no before) as every non-empty field of after', () => {
    expect(diffSnapshots(null, { name: '张三', orgId: null }).map((r) => r.key)).toEqual(['name']);
  });

  it('counts null, undefined and empty text as the same empty value', () => {
    expect(diffSnapshots({ venue: null, note: '' }, { venue: '', note: undefined })).toEqual([]);
  });

  it('compares nested values by content', () => {
    const before = { fundSources: { government: '100' }, tags: ['外资'] };
    expect(diffSnapshots(before, { fundSources: { government: '100' }, tags: ['外资'] })).toEqual([]);
    expect(diffSnapshots(before, { fundSources: { government: '120' }, tags: ['外资'] }).map((r) => r.key)).toEqual(['fundSources']);
  });

  it('reports a change of a list snapshot (a tab of rows) as one unnamed row', () => {
    const rows = diffSnapshots([{ name: '用地预审' }], [{ name: '用地预审' }, { name: '环评' }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).toBe('');
  });

  it('finds nothing when both snapshots are empty', () => {
    expect(diffSnapshots(null, null)).toEqual([]);
  });
});
