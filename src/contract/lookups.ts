// Small pick lists for forms and filters: organisations, people, tags.
import { z } from 'zod';
import { ORG_KINDS } from '../domain/enums.ts';

const q = z.string().trim().max(50).optional().meta({ description: '名称或拼音首字母' });
const limit = z.coerce.number().int().min(1).max(200).default(20);
/** Query strings carry booleans as text: "true"/"1" mean yes, "false"/"0" no. */
export const queryBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const orgLookupQuery = z.object({ kind: z.enum(ORG_KINDS).optional(), q, limit });
export const orgLookupItem = z
  .object({ id: z.uuid(), name: z.string(), kind: z.enum(ORG_KINDS), regionCode: z.string() })
  .meta({ id: 'OrgLookup' });
export const orgLookupList = z.object({ items: z.array(orgLookupItem) });

export const personLookupQuery = z.object({ leader: queryBool.optional().meta({ description: 'true 时只列包靠领导' }), q, limit });
export const personLookupItem = z
  .object({
    id: z.uuid(),
    name: z.string(),
    title: z.string().nullable(),
    regionCode: z.string(),
    orgName: z.string().nullable(),
    isLeader: z.boolean(),
  })
  .meta({ id: 'PersonLookup' });
export const personLookupList = z.object({ items: z.array(personLookupItem) });

export const tagLookupQuery = z.object({ q: z.string().trim().max(30).optional() });
export const tagList = z.object({ items: z.array(z.string()) });
