// Builds one migrated database per test run, which every test file then copies:
// on PGlite a dumped data folder (loading it takes ~1 s, a fresh initdb ~8 s); on PostgreSQL a
// template database (CREATE DATABASE … TEMPLATE is instant).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_DIR } from '../src/server/db/client.ts';
import { PgliteWireServer } from '../src/server/db/pglite-wire.ts';

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const template = `tuijin_tpl_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const pool = new pg.Pool({ connectionString: u.toString(), max: 1 });
    await migrate(drizzle(pool), { migrationsFolder: MIGRATIONS_DIR });
    await pool.end();
    process.env.TUIJIN_TEST_TEMPLATE_DB = template;
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template}`).catch(() => {});
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-tpl-'));
  const db = new PGlite();
  const server = new PgliteWireServer(db);
  await server.listen(path.join(dir, '.s.PGSQL.5432'));
  const pool = new pg.Pool({ host: dir, user: 'postgres', database: 'postgres', max: 1 });
  await migrate(drizzle(pool), { migrationsFolder: MIGRATIONS_DIR });
  await pool.end();
  await server.close();
  const dump = await db.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  process.env.TUIJIN_TEST_TEMPLATE_DUMP = file;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
