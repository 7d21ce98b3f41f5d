// How a bulletin's frozen figures are stored. The summary (totals, sub-regions, card counts,
// roadblocks, events, the periods) stays readable jsonb in `figures`; the long lists — every project
// line of the annex and the red and yellow cards — go to `lines` as one gzip'd JSON of column arrays
// ({ projects: { code: [...], name: [...], … }, red: {…}, yellow: {…} }): no key repeated per row,
// then deflated. A province's 25,000 lines and 30,000 cards were ~18 MB of JSON per bulletin; they
// are now 3.2 MB of bytea, and the summary is ~145 KB of jsonb (most of it the roadblocks by department).
//
// Bulletins issued before this (version 1, `lines` null) hold everything in `figures` and read as is.
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { BulletinCard, BulletinFigures, BulletinProject } from '../../../contract/bulletins.ts';

// Level 1: the province's lists pack to 3.2 MB in about half the time of zlib's default 6 (2.8 MB),
// and the pack is on the path.
const zip = (b: string) => promisify(gzip)(b, { level: 1 });
const unzip = promisify(gunzip);

type Columns = Record<string, unknown[]>;

const PROJECT_KEYS = [
  'id', 'code', 'name', 'regionName', 'industry', 'stage', 'unit', 'leader', 'card', 'totalInvestment', 'annualPlan', 'ytdInvestment',
  'annualCompletionRate', 'timeElapsed', 'gap', 'progressStatus', 'ytdFundsArrived', 'fundArrivalRate',
] as const satisfies readonly (keyof BulletinProject)[];
const CARD_KEYS = ['projectId', 'code', 'name', 'regionName', 'color', 'score', 'reasons', 'overridden'] as const satisfies readonly (keyof BulletinCard)[];

function toColumns<T>(rows: T[], keys: readonly (keyof T & string)[]): Columns {
  const cols: Columns = {};
  for (const k of keys) cols[k] = rows.map((r) => r[k] ?? null);
  return cols;
}

function fromColumns<T>(cols: Columns, keys: readonly (keyof T & string)[]): T[] {
  const n = cols[keys[0]!]?.length ?? 0;
  const rows: T[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const k of keys) row[k] = cols[k]![i];
    rows[i] = row as T;
  }
  return rows;
}

export interface StoredFigures {
  /** The jsonb column: everything but the lists. */
  figures: Record<string, unknown>;
  /** The bytea column. */
  lines: Buffer;
}

export async function packFigures(f: BulletinFigures): Promise<StoredFigures> {
  const { projects, cards, ...rest } = f;
  const { red, yellow, ...counts } = cards;
  const lines = JSON.stringify({
    projects: toColumns(projects, PROJECT_KEYS),
    red: toColumns(red, CARD_KEYS),
    yellow: toColumns(yellow, CARD_KEYS),
  });
  return { figures: { ...rest, cards: counts }, lines: await zip(lines) };
}

/** The whole figures; without `lines` (not read), a packed bulletin's lists come back empty. */
export async function unpackFigures(figures: Record<string, unknown>, lines: Buffer | null): Promise<BulletinFigures> {
  if (!lines) {
    if (figures.projects) return figures as unknown as BulletinFigures; // stored before the lists were packed
    const f = figures as unknown as Omit<BulletinFigures, 'projects'>;
    return { ...f, cards: { ...f.cards, red: [], yellow: [] }, projects: [] };
  }
  const l = JSON.parse((await unzip(lines)).toString('utf8')) as { projects: Columns; red: Columns; yellow: Columns };
  const f = figures as unknown as Omit<BulletinFigures, 'projects' | 'cards'> & { cards: Omit<BulletinFigures['cards'], 'red' | 'yellow'> };
  return {
    ...f,
    cards: { ...f.cards, red: fromColumns<BulletinCard>(l.red, CARD_KEYS), yellow: fromColumns<BulletinCard>(l.yellow, CARD_KEYS) },
    projects: fromColumns<BulletinProject>(l.projects, PROJECT_KEYS),
  };
}
