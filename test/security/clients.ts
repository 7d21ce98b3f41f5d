// Signing in from an address of its own each time, so that the sign-in rate limit (per address)
// never stands between a test and the behaviour it looks at; and reading every text a response
// carries, JSON or the XML parts of a downloaded .xlsx/.docx.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { buildTestApp, sessionClient, type Client, type Session, type TestApp } from '../helpers/app.ts';
import { createUser, REGIONS, seedTestRegions, TEST_PASSWORD } from '../helpers/factories.ts';

let n = 0;
/** A new client address (10.9.x.y), as if each caller came from a machine of their own. */
export function nextAddress(): string {
  n += 1;
  return `10.9.${(n >> 8) & 255}.${n & 255}`;
}

/** Signs in from a new address: the session's cookie and CSRF token. */
export async function sessionFrom(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: nextAddress() });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { cookie: res.cookies.find((c) => c.name === 'tuijin_session')!.value, csrf: res.json().csrfToken };
}

export async function signInFrom(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  return sessionClient(app, await sessionFrom(app, username, password));
}

/** A test app with the test regions and the city's administrator (admin1), signed in. */
export async function appWithAdmin(): Promise<{ t: TestApp; admin: Client }> {
  const t = await buildTestApp();
  await seedTestRegions(t.database.db);
  await createUser(t.database.db, { username: 'admin1', role: 'admin', regionCode: REGIONS.city.code });
  return { t, admin: await signInFrom(t.app, 'admin1') };
}

const ZIP = /spreadsheetml|wordprocessingml|zip/;

/** Everything a response says: its body, or for an Office file the text of every XML part inside it. */
export async function textOf(res: LightMyRequestResponse): Promise<string> {
  if (!ZIP.test(String(res.headers['content-type'] ?? ''))) return res.body;
  const zip = await JSZip.loadAsync(res.rawPayload);
  const parts = await Promise.all(Object.values(zip.files).filter((e) => !e.dir && /\.(xml|rels)$/.test(e.name)).map((e) => e.async('string')));
  return parts.join('\n');
}
