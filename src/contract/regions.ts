// The region tree as the web app's region pickers and filters see it.
import { z } from 'zod';
import { REGION_LEVELS } from '../domain/enums.ts';

export const region = z
  .object({
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    level: z.enum(REGION_LEVELS),
    parentCode: z.string().nullable(),
    path: z.string().meta({ description: '从根到本区域的代码，以 / 分隔并以 / 结尾' }),
  })
  .meta({ id: 'Region' });
export type RegionDto = z.infer<typeof region>;

export interface RegionNodeDto {
  code: string;
  name: string;
  shortName: string;
  level: (typeof REGION_LEVELS)[number];
  children: RegionNodeDto[];
}

export const regionNode: z.ZodType<RegionNodeDto> = z
  .object({
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    level: z.enum(REGION_LEVELS),
    get children() {
      return z.array(regionNode);
    },
  })
  .meta({ id: 'RegionNode' });

/** The caller's subtree: one root (the caller's own region) with its descendants. */
export const regionTree = z.object({ tree: z.array(regionNode) });

export const regionCodeParam = z.object({ code: z.string().trim().min(2).max(12) });
