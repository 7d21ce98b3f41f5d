// Starts the product as a user would (`npx tuijin serve`) on a fresh data folder, waits for the
// demo city, and hands its URL to the journeys.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  // For working on journeys: reuse a server already running (its console output in E2E_SERVER_LOG).
  if (process.env.E2E_BASE_URL) {
    provide('baseUrl', process.env.E2E_BASE_URL);
    provide('serverOutput', fs.readFileSync(process.env.E2E_SERVER_LOG ?? '/dev/null', 'utf8'));
    provide('dataDir', process.env.E2E_DATA_DIR ?? '');
    return () => {};
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-e2e-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const child: ChildProcess = spawn(process.execPath, ['bin/tuijin.mjs', 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', TUIJIN_SKIP_WEB_BUILD: '1', TUIJIN_SCHEDULER: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (output.includes('演示账号')) {
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  provide('baseUrl', url);
  provide('serverOutput', output);
  provide('dataDir', dataDir);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverOutput: string;
    /** The server's DATA_DIR: a command line run with it reaches the running server's database. */
    dataDir: string;
  }
}
