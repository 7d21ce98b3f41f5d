// `npx tuijin periods open|list|close` on a fresh data folder, acting as the administrator.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-periods-'));
const env = { ...process.env, DATA_DIR: dataDir, TUIJIN_DEMO: '0', TUIJIN_SKIP_WEB_BUILD: '1', DATABASE_URL: '', LOG_LEVEL: 'warn' };
const tuijin = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/tuijin.mjs', ...args], { env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('tuijin periods', () => {
  it('opens, refuses a duplicate, lists and closes', () => {
    expect(tuijin('user', 'create', '--username', 'root', '--password', 'Admin-pass-2024', '--role', 'admin', '--region', '371500').code).toBe(0);
    const opened = tuijin('periods', 'open', '--year', '2026', '--month', '3');
    expect(opened.err).toBe('');
    expect(opened.out).toContain('已开启：聊城市2026年3月（每月，2026-03-01 至 2026-03-31，截止 2026-03-25）填报中');
    const dup = tuijin('periods', 'open', '--year', '2026', '--month', '3');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('已存在');
    const bad = tuijin('periods', 'open', '--year', '2026', '--month', '13');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('月份应为 1–12');
    expect(tuijin('periods', 'list', '--year', '2026').out).toContain('聊城市2026年3月');
    const closed = tuijin('periods', 'close', '--year', '2026', '--month', '3');
    expect(closed.code).toBe(0);
    expect(closed.out).toContain('已锁定：聊城市2026年3月');
    expect(tuijin('periods', 'close', '--year', '2026', '--month', '3').err).toContain('不能重复锁定');
  }, 300_000);
});
