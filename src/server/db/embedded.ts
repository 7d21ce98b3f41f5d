// The embedded database: one PGlite per DATA_DIR, owned by one process (the server or a lone
// command), served on a unix socket. Other processes (the command line while the server runs)
// connect to that socket instead of opening the folder a second time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export const SOCKET_FILE = '.s.PGSQL.5432';

export interface EmbeddedHost {
  /** Directory holding the socket, to use as the `host` of a pg connection. */
  socketDir: string;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  socketDir: string;
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, 'tuijin.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The socket of a live process that already serves this data folder, if any. */
export function findRunningHost(dataDir: string): string | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    if (info.pid !== process.pid && alive(info.pid) && fs.existsSync(path.join(info.socketDir, SOCKET_FILE))) {
      return info.socketDir;
    }
  } catch {
    // No lock, or an unreadable one: nobody serves the folder.
  }
  return null;
}

function socketDirFor(dataDir: string): string {
  const preferred = path.join(dataDir, 'run');
  // Unix socket paths are limited to ~107 bytes; fall back to a short per-folder temp dir.
  if (path.join(preferred, SOCKET_FILE).length < 100) return preferred;
  const hash = Buffer.from(dataDir).toString('base64url').slice(-16);
  return path.join(os.tmpdir(), `tuijin-${hash}`);
}

/** Starts PGlite on `dataDir` (null: in memory) in a worker thread and serves it on a socket. */
export async function startEmbeddedHost(dataDir: string | null, opts: { socketDir?: string } = {}): Promise<EmbeddedHost> {
  let socketDir: string;
  let pgliteDir: string | null = null;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    const running = findRunningHost(dataDir);
    if (running) throw new Error(`DATA_DIR ${dataDir} is already served by another Tuijin process (socket ${running})`);
    socketDir = opts.socketDir ?? socketDirFor(dataDir);
    pgliteDir = path.join(dataDir, 'pglite');
    fs.mkdirSync(pgliteDir, { recursive: true });
  } else {
    socketDir = opts.socketDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-mem-'));
  }
  fs.mkdirSync(socketDir, { recursive: true });
  // A socket left behind by a killed process would make listen() fail.
  fs.rmSync(path.join(socketDir, SOCKET_FILE), { force: true });
  if (dataDir) fs.writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, socketDir } satisfies LockInfo));

  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: pgliteDir, socketPath: path.join(socketDir, SOCKET_FILE) },
  });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === 'ready') resolve();
      else if (msg.type === 'error') reject(new Error(`embedded database failed to start: ${msg.message}`));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedded database worker exited (${code})`)));
  });

  let stopped = false;
  return {
    socketDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => resolve(), 5000);
        worker.on('message', (msg: { type: string }) => {
          if (msg.type === 'stopped') {
            clearTimeout(timer);
            resolve();
          }
        });
        worker.postMessage({ type: 'stop' });
      });
      await worker.terminate();
      if (dataDir) {
        try {
          const info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
          if (info.pid === process.pid) fs.rmSync(lockPath(dataDir), { force: true });
        } catch {
          // Already gone.
        }
      } else {
        fs.rmSync(socketDir, { recursive: true, force: true });
      }
    },
  };
}
