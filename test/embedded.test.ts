// The embedded database's process: PGlite runs in a child of the process that opened the folder,
// never in it; stopping ends the child and frees the folder; a parent killed with kill -9 leaves no
// database process behind, and the folder opens again with what was committed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedHost } from '../src/server/db/embedded.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-embedded-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function query(socketDir: string, text: string) {
  const c = new pg.Client({ host: socketDir, user: 'postgres', database: 'postgres' });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

describe('the embedded database process', () => {
  it('runs PGlite in a child process; stopping it ends the child and removes the lock', async () => {
    const dir = tempDir();
    const host = await startEmbeddedHost(dir);
    expect(host.hostPid).not.toBe(process.pid);
    expect(fs.readFileSync(`/proc/${host.hostPid}/status`, 'utf8')).toContain(`PPid:\t${process.pid}`);
    expect(await query(host.socketDir, 'SELECT 1 + 1 AS n')).toEqual([{ n: 2 }]);
    await host.stop();
    expect(alive(host.hostPid)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'tuijin.lock'))).toBe(false);
  }, 60_000);

  it('a parent killed with kill -9 leaves no database process, and the folder opens again with what it committed', async () => {
    const dir = tempDir();
    const script = `import('${path.resolve('src/server/db/embedded.ts')}').then(async (m) => {
      const h = await m.startEmbeddedHost(${JSON.stringify(dir)});
      const pg = (await import('pg')).default;
      const c = new pg.Client({ host: h.socketDir, user: 'postgres', database: 'postgres' });
      await c.connect();
      await c.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      await c.query('BEGIN; INSERT INTO kept VALUES (7)');
      console.log(JSON.stringify({ hostPid: h.hostPid }));
      setInterval(() => {}, 1000);
    })`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const hostPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      parent.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /\{"hostPid":(\d+)\}/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      parent.once('exit', (code) => reject(new Error(`parent exited (${code}) before its database was up: ${out}`)));
    });
    expect(alive(hostPid)).toBe(true);
    parent.kill('SIGKILL');
    // The child sees its parent gone, closes PGlite (the open transaction rolled back) and exits.
    for (let waited = 0; alive(hostPid) && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(alive(hostPid), 'the database process outlived its parent').toBe(false);
    const again = await startEmbeddedHost(dir);
    try {
      expect(await query(again.socketDir, 'SELECT n FROM kept ORDER BY n')).toEqual([{ n: 42 }]);
    } finally {
      await again.stop();
    }
  }, 90_000);
});
