// Bad requests generated from the API's own OpenAPI document (which is generated from the zod
// contract), for property-based robustness tests. For every endpoint: a catalogue of violations,
// each at one field and each with what the server must do (`reject`: a 4xx naming the field;
// `survive`: anything but a 5xx), and a fast-check arbitrary that throws hostile values at one to
// three fields at once. Values stay deterministic under a fixed seed.
import fc from 'fast-check';

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: unknown[];
  anyOf?: Schema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  example?: unknown;
  $ref?: string;
}

export interface Param {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Endpoint {
  method: string;
  /** OpenAPI form: /api/v1/projects/{id} */
  path: string;
  params: Param[];
  query: Param[];
  body: Schema | null;
}

type OpenApi = {
  paths: Record<string, Record<string, {
    parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
    requestBody?: { content?: Record<string, { schema: Schema }> };
  }>>;
  components?: { schemas?: Record<string, Schema> };
};

/** Every operation of the document with its parameters and JSON body, references resolved. */
export function endpointsOf(doc: OpenApi): Endpoint[] {
  const components = doc.components?.schemas ?? {};
  const resolve = (s: Schema, depth = 0): Schema => {
    if (depth > 20) return {};
    if (s.$ref) return resolve(components[s.$ref.split('/').pop()!] ?? {}, depth + 1);
    const out: Schema = { ...s };
    if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)]));
    if (s.items) out.items = resolve(s.items, depth + 1);
    if (s.anyOf) out.anyOf = s.anyOf.map((v) => resolve(v, depth + 1));
    if (s.additionalProperties && typeof s.additionalProperties === 'object') out.additionalProperties = resolve(s.additionalProperties, depth + 1);
    return out;
  };
  const out: Endpoint[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? []).map((p) => ({ in: p.in, name: p.name, required: !!p.required, schema: resolve(p.schema) }));
      const body = op.requestBody?.content?.['application/json']?.schema;
      out.push({
        method: method.toUpperCase(), path,
        params: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        body: body ? resolve(body) : null,
      });
    }
  }
  return out;
}

// ───────────── what a schema accepts ─────────────

const isDate = (s: Schema) => /YYYY-MM-DD/.test(s.description ?? '') || (typeof s.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.example));
const isUuid = (s: Schema) => s.format === 'uuid';
const isMoney = (s: Schema) => !!s.anyOf && /^金额/.test(s.description ?? '');
const variants = (s: Schema): Schema[] => (s.anyOf ? s.anyOf.flatMap(variants) : [s]);
/** JSON types a schema takes ('integer' counts as 'number'). */
function typesOf(s: Schema): Set<string> {
  const t = new Set<string>();
  for (const v of variants(s)) {
    if (v.type) t.add(v.type === 'integer' ? 'number' : v.type);
    else if (v.enum) v.enum.forEach((e) => t.add(e === null ? 'null' : typeof e));
    else ['string', 'number', 'boolean', 'object', 'array', 'null'].forEach((x) => t.add(x));
    if (v.nullable) t.add('null');
  }
  if (s.nullable) t.add('null');
  return t;
}
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** A free text field: any string within its length is valid. */
const freeText = (s: Schema) => s.type === 'string' && !s.enum && !s.format && !s.pattern && !isDate(s);

// ───────────── valid values, to put the one violation into ─────────────

export interface SampleContext {
  /** A real id for a field or parameter of this name (uuids and integer ids), if the data set has one. */
  id(name: string): string | number | undefined;
  /** A key a record field of this name takes, where the document does not list them (a record keyed by an enum). */
  recordKey?(name: string): string | undefined;
}

const REGION = '371500';

export function sample(s: Schema, name: string, ctx: SampleContext): unknown {
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return isMoney(s) ? '100' : sample(variants(s).find((v) => v.type !== 'null') ?? {}, name, ctx);
  switch (s.type) {
    case 'string': {
      if (isUuid(s)) return ctx.id(name) ?? '00000000-0000-4000-8000-000000000000';
      if (isDate(s)) return '2024-07-15';
      if (s.pattern && new RegExp(s.pattern).test(REGION)) return REGION;
      if (/region|code$/i.test(name) && (s.maxLength ?? 99) >= 6) return REGION;
      if (/password/i.test(name)) return 'Passw0rd-测试2024';
      const min = Math.max(s.minLength ?? 0, 4);
      return '测试内容'.repeat(Math.ceil(min / 4)).slice(0, Math.max(min, Math.min(s.maxLength ?? 8, 8)));
    }
    case 'integer':
    case 'number': {
      const id = ctx.id(name);
      if (typeof id === 'number') return id;
      const want = /year/i.test(name) ? 2024 : /month/i.test(name) ? 7 : 1;
      return Math.min(Math.max(want, s.minimum ?? -Infinity), s.maximum ?? Infinity);
    }
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}, name.replace(/s$/, ''), ctx));
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {}, k, ctx)]));
    default:
      return null;
  }
}

// ───────────── the catalogue of violations ─────────────

export type Expect = 'reject' | 'survive';
export const OMIT = Symbol('omit');
type Path = (string | number)[];

export interface Mutation {
  where: 'body' | 'query' | 'params';
  at: Path;
  kind: string;
  value: unknown;
  expect: Expect;
}

export const HUGE = 'A'.repeat(100_000);
export const NUL_TEXT = '测试\u0000内容';
export const UNICODE_TEXT = '🚧工地\u202eRTL\u202c ﷽ é\u0301 👨‍👩‍👧 𠀀';
const DEEP_OBJECT = (n: number): unknown => { let v: unknown = 1; for (let i = 0; i < n; i++) v = { a: v }; return v; };

/** Violations of one JSON value (a body, or a field inside it) at `at`. */
function jsonMutations(s: Schema, at: Path, required: boolean, ctx: SampleContext): Mutation[] {
  const m: Mutation[] = [];
  const add = (kind: string, value: unknown, expect: Expect, path = at) => m.push({ where: 'body', at: path, kind, value, expect });
  const types = typesOf(s);
  if (required) add('missing', OMIT, 'reject');
  if (!types.has('null')) add('null', null, 'reject');
  // The most confusable wrong type first: a list for an object, an object for a list, text for a number.
  const confusable: Record<string, unknown[]> = { object: [[{ 键: '值' }]], array: [{ 0: '值' }], number: ['42'], boolean: ['true'] };
  const wrong = [...(confusable[s.type === 'integer' ? 'number' : s.type ?? ''] ?? []), 42, '文本', true, { 键: '值' }, [1]].filter((v) => !types.has(jsonType(v)));
  for (const v of wrong.slice(0, 1)) add(`wrong type ${jsonType(v)}`, v, 'reject');
  if (isMoney(s)) {
    const negativeAllowed = /负数/.test(s.description ?? '');
    for (const v of ['NaN', 'Infinity', '1e308', '9'.repeat(40), '12.3.4', 1e308]) add(`bad amount ${String(v).slice(0, 12)}`, v, 'reject');
    add('negative amount', '-5', negativeAllowed ? 'survive' : 'reject');
    add('amount with NUL', '1\u00000', 'reject');
  }
  for (const v of variants(s)) {
    if (v.type === 'string') m.push(...stringMutations(v, (value) => value).map((x) => ({ ...x, where: 'body' as const, at })));
    if (v.type === 'number' || v.type === 'integer') {
      for (const [kind, value, expect] of numberMutations(v)) add(kind, value, expect);
    }
  }
  if (s.type === 'array') {
    if (s.maxItems !== undefined && s.maxItems < 10_000) add('too many items', Array.from({ length: s.maxItems + 1 }, () => '测试'), 'reject');
    if (s.items) m.push(...jsonMutations(s.items, [...at, 0], false, ctx));
  }
  if (s.type === 'object') {
    for (const [k, v] of Object.entries(s.properties ?? {})) m.push(...jsonMutations(v, [...at, k], (s.required ?? []).includes(k), ctx));
    if (s.additionalProperties && typeof s.additionalProperties === 'object') {
      // A record: its values are checked under a key it takes (an enum-keyed record refuses others).
      const key = s.required?.[0] ?? ctx.recordKey?.(String(at[at.length - 1] ?? ''));
      if (key) m.push(...jsonMutations(s.additionalProperties, [...at, key], false, ctx));
      add('unknown key', { 未知键: 1 }, key ? 'reject' : 'survive');
      add('key with NUL', { '键\u0000': 1 }, 'reject');
    } else if (s.properties) {
      add('unknown key, huge value', HUGE, 'survive', [...at, '多余字段']);
      if (at.length === 0) add('nested garbage under an unknown key', DEEP_OBJECT(500), 'survive', [...at, '多余字段']);
    }
  }
  return m;
}

/** Violations of a string schema, each as the string (for bodies) or the query/path text. */
function stringMutations(s: Schema, wrap: (v: string) => unknown): Omit<Mutation, 'where' | 'at'>[] {
  const out: Omit<Mutation, 'where' | 'at'>[] = [];
  const add = (kind: string, v: string, expect: Expect) => out.push({ kind, value: wrap(v), expect });
  const fits = (v: string) => (s.maxLength === undefined || v.length <= s.maxLength) && v.length >= (s.minLength ?? 0);
  if (s.enum) add('not one of the values', '不存在的取值', 'reject');
  if (isUuid(s)) {
    add('bad uuid', '00000000-0000-4000-8000-00000000000g', 'reject');
  }
  if (isDate(s)) {
    for (const d of ['2024-02-30', '2024-13-01', '2023-02-29']) add(`bad date ${d}`, d, 'reject');
  }
  if (s.pattern && !isUuid(s)) add('does not match the pattern', 'abc!', new RegExp(s.pattern).test('abc!') ? 'survive' : 'reject');
  if (s.maxLength !== undefined && s.maxLength < 100_000) add('one over the maximum length', '长'.repeat(s.maxLength + 1), 'reject');
  if ((s.minLength ?? 0) > 0) add('one under the minimum length', '短'.repeat(s.minLength! - 1), 'reject');
  add('100k characters', HUGE, freeText(s) && fits(HUGE) ? 'survive' : 'reject');
  add('NUL character', NUL_TEXT, 'reject');
  add('emoji, RTL and combining marks', UNICODE_TEXT, freeText(s) && fits(UNICODE_TEXT) ? 'survive' : 'reject');
  return out;
}

function numberMutations(s: Schema): [string, number, Expect][] {
  const out: [string, number, Expect][] = [];
  const safe = (n: number | undefined) => n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER;
  if (safe(s.minimum)) out.push(['below the minimum', s.minimum! - 1, 'reject']);
  if (safe(s.maximum)) out.push(['above the maximum', s.maximum! + 1, 'reject']);
  if (s.type === 'integer') out.push(['fraction for an integer', 1.5, 'reject']);
  out.push(['1e308', 1e308, s.maximum !== undefined || s.type === 'integer' ? 'reject' : 'survive']);
  out.push(['negative', -1, s.minimum !== undefined && s.minimum > -1 ? 'reject' : 'survive']);
  return out;
}

/** Violations of a query or path parameter: text, as a URL carries it. */
function textMutations(p: Param, where: 'query' | 'params'): Mutation[] {
  const s = p.schema;
  const m: Mutation[] = [];
  const add = (kind: string, value: unknown, expect: Expect) => m.push({ where, at: [p.name], kind, value, expect });
  const vs = variants(s);
  if (where === 'query' && p.required) add('missing', OMIT, 'reject');
  const number = vs.find((v) => v.type === 'number' || v.type === 'integer');
  if (number) {
    add('not a number', 'abc', 'reject');
    add('Infinity', 'Infinity', 'reject');
    for (const [kind, value, expect] of numberMutations(number)) add(kind, String(value), expect);
    if (number.type === 'integer') add('huge integer', '9'.repeat(30), 'reject');
    add('empty', '', (number.minimum ?? 0) > 0 ? 'reject' : 'survive');
  }
  const str = vs.find((v) => v.type === 'string');
  if (str && !number) m.push(...stringMutations(str, (v) => v).map((x) => ({ ...x, where, at: [p.name] })));
  if (s.type === 'array' && s.items) {
    m.push(...stringMutations(s.items, (v) => [v]).map((x) => ({ ...x, where, at: [p.name], kind: `list item: ${x.kind}` })));
  }
  if (vs.some((v) => v.type === 'boolean')) add('not a yes/no', 'maybe', 'reject');
  if (where === 'query' && s.type !== 'array') add('given twice', [String(sample(s, p.name, { id: () => undefined }) ?? 'a'), 'b'], 'reject');
  return m;
}

/** The whole catalogue of one endpoint. */
export function mutationsOf(ep: Endpoint, ctx: SampleContext): Mutation[] {
  return [
    ...ep.params.flatMap((p) => textMutations(p, 'params')),
    ...ep.query.flatMap((p) => textMutations(p, 'query')),
    ...(ep.body ? jsonMutations(ep.body, [], true, ctx).filter((x) => x.at.length > 0 || x.kind !== 'missing') : []),
  ];
}

// ───────────── requests ─────────────

export interface RawBody {
  kind: string;
  payload: string | Buffer;
  contentType: string;
  expect: Expect;
}

/** Bodies no schema describes: broken JSON, other content types, prototype keys, deep nesting. */
export function rawBodies(base: unknown): RawBody[] {
  const json = JSON.stringify(base ?? {});
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const withKey = (key: string, value: string) => (json === '{}' ? `{${key}:${value}}` : `{${key}:${value},${json.slice(1)}`);
  return [
    { kind: 'not JSON', payload: '{"name": ', contentType: 'application/json', expect: 'reject' },
    { kind: 'empty body declared as JSON', payload: '', contentType: 'application/json', expect: 'reject' },
    { kind: 'NaN literal', payload: withKey('"x"', 'NaN'), contentType: 'application/json', expect: 'reject' },
    { kind: 'arrays nested 20,000 deep', payload: deep(20_000), contentType: 'application/json', expect: 'reject' },
    { kind: '__proto__ key', payload: withKey('"__proto__"', '{"role":"admin"}'), contentType: 'application/json', expect: 'reject' },
    { kind: 'constructor.prototype key', payload: withKey('"constructor"', '{"prototype":{"role":"admin"}}'), contentType: 'application/json', expect: 'reject' },
    { kind: 'JSON sent as text/plain', payload: json, contentType: 'text/plain', expect: 'reject' },
    { kind: 'form-urlencoded', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', expect: 'reject' },
    { kind: 'invalid UTF-8', payload: Buffer.concat([Buffer.from('{"x":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]), contentType: 'application/json', expect: 'survive' },
    { kind: 'a whole array instead of an object', payload: JSON.stringify([base]), contentType: 'application/json', expect: 'reject' },
    { kind: 'a string instead of an object', payload: '"文本"', contentType: 'application/json', expect: 'reject' },
    { kind: '10,000 unknown keys', payload: withKey('"k0"', '0' + Array.from({ length: 9999 }, (_, i) => `,"k${i + 1}":${i}`).join('')), contentType: 'application/json', expect: 'survive' },
  ];
}

/** Sets (or removes) the value at a path, building what is missing on the way from the schema's samples. */
export function setAt(root: unknown, schema: Schema, at: Path, value: unknown, ctx: SampleContext): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at;
  const child = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (typeof head === 'number') return s.items ?? {};
    return s.properties?.[head as string] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : {});
  };
  const sub = child(variants(schema).find((v) => v.type === (typeof head === 'number' ? 'array' : 'object')));
  if (typeof head === 'number') {
    const arr = Array.isArray(root) ? [...root] : [];
    while (arr.length <= head) arr.push(sample(sub, '', ctx));
    arr[head] = setAt(arr[head], sub, rest, value, ctx);
    return arr;
  }
  const obj = root && typeof root === 'object' && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  if (rest.length === 0 && value === OMIT) {
    delete obj[head!];
    return obj;
  }
  obj[head!] = setAt(head! in obj ? obj[head!] : sample(sub, String(head), ctx), sub, rest, value, ctx);
  return obj;
}

// ───────────── random hostile values (fast-check) ─────────────

const HOSTILE = [
  '', ' ', '\u0000', NUL_TEXT, HUGE, UNICODE_TEXT, '\ud800', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '${7*7}',
  '2024-02-30', '2024-13-01', 'NaN', 'Infinity', '1e308', '-0', 'null', 'true', '[]', '{}', '=1+1', '0x10', ' 7 ',
  1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0, 0.1, 2 ** 31, true, null, [], {}, [[[[[]]]]], { a: { b: { c: [1, '二', null] } } },
];

/** Any JSON value a hostile or careless client might send. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4, withNullPrototype: false }), weight: 2 },
);

/** Every place a value can go in a request of this endpoint. */
export function slotsOf(ep: Endpoint): Pick<Mutation, 'where' | 'at'>[] {
  const slots: Pick<Mutation, 'where' | 'at'>[] = [
    ...ep.params.map((p) => ({ where: 'params' as const, at: [p.name] })),
    ...ep.query.map((p) => ({ where: 'query' as const, at: [p.name] })),
  ];
  const walk = (s: Schema, at: Path) => {
    slots.push({ where: 'body', at });
    for (const v of variants(s)) {
      for (const [k, c] of Object.entries(v.properties ?? {})) walk(c, [...at, k]);
      if (v.items && at.length < 6) walk(v.items, [...at, 0]);
    }
  };
  if (ep.body) walk(ep.body, []);
  return slots;
}

/** One to three slots of the endpoint, each given a random hostile value: the server must survive it. */
export function randomMutations(ep: Endpoint): fc.Arbitrary<Mutation[]> {
  const slots = slotsOf(ep);
  return fc
    .uniqueArray(fc.nat(slots.length - 1), { minLength: 1, maxLength: Math.min(3, slots.length) })
    .chain((picks) => fc.tuple(...picks.map(() => hostileValue)).map((values) => picks.map((i, n) => {
      const slot = slots[i]!;
      const v = values[n];
      // A URL carries text: other values go as their JSON text.
      const value = slot.where === 'body' ? v : typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : JSON.stringify(v) ?? String(v);
      return { ...slot, kind: 'random', value, expect: 'survive' as const };
    })));
}

/** A stable seed per endpoint, so adding a route does not reshuffle the others' payloads. */
export function seedOf(ep: Endpoint, base = 20240901): number {
  let h = base;
  for (const ch of `${ep.method} ${ep.path}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}
