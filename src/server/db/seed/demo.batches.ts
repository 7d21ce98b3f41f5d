// The city's 2024 batch events (集中开工 / 集中签约) and the planned spring 2025 groundbreaking.
// A project signed in May may break ground in the autumn: the only case of one project in two events.
import type { BatchKind, Season } from '../../../domain/enums.ts';
import type { batches, batchProjects } from '../schema/index.ts';
import type { MainVenue } from './demo.featured.ts';
import type { DemoProject } from './demo.projects.ts';
import { CITY_CODE, CITY_PATH } from './demo.regions.ts';
import { demoId } from './demo.prng.ts';
import { EVENTS } from './demo.timeline.ts';

type BatchRow = typeof batches.$inferInsert;
type BatchProjectRow = typeof batchProjects.$inferInsert;

interface EventSpec {
  key: MainVenue;
  name: string;
  kind: BatchKind;
  season: Season;
  date: string;
  members: (p: DemoProject) => boolean;
}

export const AUTUMN_2024_NAME = '2024年秋季全市重点项目集中开工';

const SPECS: EventSpec[] = [
  {
    key: 'spring2024', name: '2024年春季全市重点项目集中开工', kind: 'groundbreaking', season: 'spring', date: EVENTS.spring2024,
    members: (p) => p.group === 'spring24',
  },
  {
    key: 'signing2024', name: '2024年全市重点项目集中签约', kind: 'signing', season: 'spring', date: EVENTS.signing2024,
    members: (p) => p.signed,
  },
  {
    key: 'autumn2024', name: AUTUMN_2024_NAME, kind: 'groundbreaking', season: 'autumn', date: EVENTS.autumn2024,
    members: (p) => p.group === 'autumn24',
  },
  {
    key: 'spring2025', name: '2025年春季全市重点项目集中开工', kind: 'groundbreaking', season: 'spring', date: EVENTS.spring2025,
    members: (p) => p.track === 'nextSpring',
  },
];

export function buildBatches(projects: DemoProject[]): { batches: BatchRow[]; members: BatchProjectRow[] } {
  const rows: BatchRow[] = [];
  const members: BatchProjectRow[] = [];
  for (const spec of SPECS) {
    const id = demoId('batch', spec.name);
    const main = projects.find((p) => p.mainVenue === spec.key);
    if (!main) throw new Error(`demo batch without a main venue: ${spec.name}`);
    rows.push({
      id, name: spec.name, kind: spec.kind, level: 'municipal', season: spec.season, eventDate: spec.date,
      regionCode: CITY_CODE, regionPath: CITY_PATH,
      venue: spec.kind === 'signing' ? '聊城市会展中心' : `主会场：${main.name}现场`,
      mainProjectId: main.id,
    });
    for (const p of projects) if (spec.members(p)) members.push({ batchId: id, projectId: p.id });
  }
  return { batches: rows, members };
}
