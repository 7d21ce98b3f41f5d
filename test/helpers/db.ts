// A fresh database for one test file, built by the real migrations (see global-setup.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from '../../src/server/db/client.ts';
import { PgliteWireServer } from '../../src/server/db/pglite-wire.ts';
import * as schema from '../../src/server/db/schema/index.ts';
import '../../src/server/db/client.ts'; // installs the pg type parsers

export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `tuijin_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TUIJIN_TEST_TEMPLATE_DB}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: u.toString(), max: 5 });
    pool.on('error', () => {});
    return {
      db: drizzle(pool, { schema }),
      pool,
      engine: 'postgres',
      ownsEmbedded: false,
      async close() {
        await pool.end();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await admin.end();
      },
    };
  }
  const dump = fs.readFileSync(process.env.TUIJIN_TEST_TEMPLATE_DUMP!);
  const pglite = new PGlite({ loadDataDir: new Blob([dump]) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-t-'));
  const server = new PgliteWireServer(pglite);
  await server.listen(path.join(dir, '.s.PGSQL.5432'));
  const pool = new pg.Pool({ host: dir, user: 'postgres', database: 'postgres', max: 4 });
  pool.on('error', () => {});
  return {
    db: drizzle(pool, { schema }),
    pool,
    engine: 'pglite',
    ownsEmbedded: true,
    async close() {
      await pool.end();
      await server.close();
      await pglite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
