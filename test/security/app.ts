// The app with a configuration of the test's choosing (behind a proxy, secure cookies, serving the web
// pages), on a fresh test database or beside another app on the same one.
import { buildApp } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import type { TestApp } from '../helpers/app.ts';
import { createTestDatabase } from '../helpers/db.ts';

export async function buildAppWith(config: Partial<Config>, o: { on?: Database; serveWeb?: boolean; webDist?: string } = {}): Promise<TestApp> {
  const database = o.on ?? (await createTestDatabase());
  const opts = { serveWeb: o.serveWeb, webDist: o.webDist } as Parameters<typeof buildApp>[1];
  const app = await buildApp({ database, config: { ...loadConfig({}), dataDir: '/nonexistent', ...config } }, opts);
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      if (!o.on) await database.close();
    },
  };
}
