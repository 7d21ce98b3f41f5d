// The command line on the embedded database: it opens the data folder itself when no server runs,
// and goes through the running server's socket when one does — never a second open, never a lock error.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, TUIJIN_DEMO: '0', TUIJIN_SKIP_WEB_BUILD: '1', DATABASE_URL: '', LOG_LEVEL: 'warn' };
const port = 4100 + Math.floor(Math.random() * 200);
let server: ChildProcess | null = null;

function tuijin(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/tuijin.mjs', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  const created = tuijin('user', 'create', '--username', 'root', '--password', 'Admin-pass-2024', '--role', 'admin', '--region', '371500');
  expect(created.err).toBe('');
  expect(created.out).toContain('已创建用户 root');
}, 120_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('command line', () => {
  it('refuses a bad role with a clear message', () => {
    const r = tuijin('user', 'create', '--username', 'x', '--password', 'Admin-pass-2024', '--role', 'king', '--region', '371500');
    expect(r.code).toBe(1);
    expect(r.err).toContain('角色应为');
  }, 120_000);

  it('works through the running server’s database', async () => {
    server = spawn(process.execPath, ['bin/tuijin.mjs', 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    server.stdout!.on('data', (d) => (out += d));
    server.stderr!.on('data', (d) => (out += d));
    const deadline = Date.now() + 90_000;
    while (!out.includes('已启动')) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    // A second server on the same folder is refused with a clear message, and the first keeps running.
    const second = tuijin('serve');
    expect(second.code).toBe(1);
    expect(second.err).toContain('已由另一个推进服务使用');

    const token = tuijin('token', 'create', '--username', 'root');
    expect(token.err).toBe('');
    expect(token.code).toBe(0);
    const value = token.out.trim();
    expect(value).toMatch(/^tj_/);
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { authorization: `Bearer ${value}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe('root');

    const file = path.join(dataDir, 'out.xlsx');
    const exported = tuijin('export', file);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('已导出 0 个项目');
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(server.exitCode).toBeNull();
  }, 180_000);
});
