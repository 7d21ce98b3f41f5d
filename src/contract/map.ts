// The war map (挂图作战): county boundaries as GeoJSON (bundled for the demo city, uploadable by an
// admin), and the projects in scope at their coordinates with their card colour. Projects without
// coordinates are listed beside them, never dropped.
import { z } from 'zod';
import { INDUSTRIES, STAGES } from '../domain/enums.ts';
import { moneyOut } from './common.ts';

/** Largest GeoJSON an admin may upload (bytes); the server's JSON body limit is the same. */
export const MAX_BOUNDARY_BYTES = 5 * 1024 * 1024;

/** Card colours on the map; `none`: no card (grey). */
export const MAP_COLORS = ['blue', 'yellow', 'red', 'none'] as const;
export type MapColor = (typeof MAP_COLORS)[number];

const regionParam = z.string().trim().optional().meta({ description: '区域代码；省略时为调用者所在区域' });

export const boundariesQuery = z.object({ region: regionParam });
export const regionCodeParam = z.object({ regionCode: z.string().trim().regex(/^\d{6,12}$/, { message: '区域代码应为 6—12 位数字' }) });
export const boundaryUploadQuery = z.object({
  source: z.string().trim().max(200, { message: '来源说明不超过 200 字' }).optional().meta({ description: '数据来源（显示为地图署名）；multipart 时也可用字段 source' }),
});

const geometry = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()),
});

export const boundaryFeature = z.object({
  type: z.literal('Feature'),
  properties: z.looseObject({ name: z.string(), regionCode: z.string() }),
  geometry,
});

/** A FeatureCollection (valid GeoJSON: the extra members are GeoJSON "foreign members"). */
export const boundaries = z
  .object({
    type: z.literal('FeatureCollection'),
    /** The region whose sub-regions are drawn (the one asked for, or the city it lies in). */
    regionCode: z.string(),
    regionName: z.string(),
    /** Credit shown on the map. */
    source: z.string(),
    /** true: uploaded by an admin; false: bundled with the product. */
    uploaded: z.boolean(),
    updatedAt: z.string().nullable(),
    features: z.array(boundaryFeature),
  })
  .meta({ id: 'MapBoundaries' });
export type MapBoundaries = z.infer<typeof boundaries>;

/** Comma-separated or repeated query values. */
const multi = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v == null || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',').filter(Boolean)), z.array(item).optional());

export const mapProjectsQuery = z.object({
  region: regionParam,
  stage: multi(z.enum(STAGES, { message: '阶段取值不正确' })).meta({ description: '阶段，可逗号分隔' }),
  color: multi(z.enum(MAP_COLORS, { message: '亮牌颜色应为 blue、yellow、red 或 none' })).meta({ description: 'blue|yellow|red|none，可逗号分隔' }),
  industry: multi(z.enum(INDUSTRIES, { message: '产业取值不正确' })).meta({ description: '产业，可逗号分隔' }),
  leader: z.uuid({ message: '包靠领导 ID 格式不正确' }).optional(),
  batch: z.uuid({ message: '活动 ID 格式不正确' }).optional(),
  periodId: z.uuid({ message: '期次 ID 格式不正确' }).optional().meta({ description: '该期的亮牌；省略时为每个项目最近一次亮牌' }),
});
export type MapProjectsQuery = z.infer<typeof mapProjectsQuery>;

const projectBase = {
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  /** Total investment (万元). */
  investment: moneyOut,
  stage: z.enum(STAGES),
  industry: z.string(),
  /** Effective card colour (an override wins); null: no card. */
  color: z.enum(['blue', 'yellow', 'red']).nullable(),
  leaderId: z.uuid().nullable(),
};

export const mapPoint = z.object({ ...projectBase, lng: z.number(), lat: z.number() });
export type MapPoint = z.infer<typeof mapPoint>;
export const mapUnplaced = z.object(projectBase);
export type MapUnplaced = z.infer<typeof mapUnplaced>;

export const mapProjects = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    /** The period whose cards colour the points; null: each project's latest card. */
    periodId: z.uuid().nullable(),
    periodLabel: z.string().nullable(),
    count: z.number().int(),
    items: z.array(mapPoint),
    withoutCoordinates: z.object({ count: z.number().int(), items: z.array(mapUnplaced) }),
    /** Names behind the ids of the rows (sent once, not per row). */
    leaders: z.array(z.object({ id: z.uuid(), name: z.string() })),
    regions: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'MapProjects' });
export type MapProjects = z.infer<typeof mapProjects>;
