// The security specification, endpoint by endpoint: who of a county (莘县) may do what inside it, and
// which requests name the other county's (东昌府区) records. matrix.test.ts runs it against the served
// OpenAPI document, so an endpoint missing here fails the test.
//
// `who` lists one answer per role, in the order of ROLES:
//
//        admin office unit owner leader department viewer auditor
//
//   Y  allowed: a 2xx (or the `allowed` status the entry names, with why)
//   -  refused: 403
//   n  not there for this caller: 404
//
// For the county's own records. The unit and the owner are the responsible unit and the owner of
// 莘县's projects, the leader their lead leader, the department the lead department of their roadblocks;
// the viewer and the auditor belong to the county government (the responsible unit).
//
// `outside` are requests that name the other county: ids in the path, `region=`/`regionCode=` in the
// query, region codes and ids in the body. Every role of 莘县 and the office and viewer of 枣庄 must be
// answered 403 or 404 (or 400 saying the record named does not exist or is out of reach), and a
// write must leave every table as it was. `list: true`: the answer may be 200, but it holds nothing of
// the other county (its names and codes, in the JSON or in the downloaded file); the city office sends
// the same request as a control and must see the other county in it.
// `ownEffect`: acts on the caller's own things only, so a 200 is right, but nothing changes in the tables
// (the caller's own things being settled first, by the inside request).
import { ROLES, type Role } from '../../src/domain/enums.ts';
import type { TestApp } from '../helpers/app.ts';
import type { County, SecurityFixture } from './fixture.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Req {
  method: Method;
  url: string;
  body?: unknown;
  upload?: { file: Buffer; fileName: string };
  /** May be answered 2xx when it changes nothing (it names the other county's record only to have it ignored). */
  harmless?: boolean;
  /** Not a list check (the answer is per user, there is nothing for the control to find). */
  noControl?: boolean;
  /** Sent in a session of its own (sign-out, password change end the session they run in). */
  fresh?: boolean;
}

export interface Ctx {
  t: TestApp;
  f: SecurityFixture;
  q<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Spec {
  who: string;
  outside?: (o: County, x: Ctx) => Req[] | Promise<Req[]>;
  inside: (s: County, x: Ctx, role: Role) => Req | Promise<Req>;
  list?: boolean;
  ownEffect?: boolean;
  /** Who sends the list control requests (default the city office). */
  control?: 'admin';
  /** The status "allowed" means here, when it is not a 2xx, and why. */
  allowed?: { status: number; why: string };
  /** Send the inside requests before the outside ones (see ownEffect). */
  insideFirst?: boolean;
}

export const get = (url: string, more: Partial<Req> = {}): Req => ({ method: 'GET', url, ...more });
export const post = (url: string, body: unknown = {}, more: Partial<Req> = {}): Req => ({ method: 'POST', url, body, ...more });
export const put = (url: string, body: unknown, more: Partial<Req> = {}): Req => ({ method: 'PUT', url, body, ...more });
export const patch = (url: string, body: unknown, more: Partial<Req> = {}): Req => ({ method: 'PATCH', url, body, ...more });
export const del = (url: string, body?: unknown): Req => ({ method: 'DELETE', url, body });
export const ALL = 'Y Y Y Y Y Y Y Y';
export const OFFICE = 'Y Y - - - - - -';
export const V1 = '/api/v1';
export const ok = async (res: Promise<{ statusCode: number; body: string }>) => {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`preparing the matrix: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body);
};

/** `who` as one expectation per role. */
export function expectations(spec: Spec): Record<Role, 'Y' | '-' | 'n'> {
  const cells = spec.who.trim().split(/\s+/);
  if (cells.length !== ROLES.length || cells.some((c) => !['Y', '-', 'n'].includes(c))) throw new Error(`bad who: ${spec.who}`);
  return Object.fromEntries(ROLES.map((r, i) => [r, cells[i]])) as Record<Role, 'Y' | '-' | 'n'>;
}
