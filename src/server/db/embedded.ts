// The embedded database: one PGlite per DATA_DIR, owned by one process (the server or a lone
// command) and run in a child process of it (pglite-host.ts), served on a unix socket. Other
// processes (the command line while the server runs) connect to that socket instead of opening the
// folder a second time.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOCKET_FILE = '.s.PGSQL.5432';

export interface EmbeddedHost {
  /** Directory holding the socket, to use as the `host` of a pg connection. */
  socketDir: string;
  /** The process that runs PGlite. */
  hostPid: number;
  stop(): Promise<void>;
}

interface LockInfo {
  pid: number;
  socketDir: string;
  /** The child process that has the folder open. */
  hostPid?: number;
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

/** True while `pid` is still an embedded database host (a recycled pid of another program is not). */
function isHost(pid: number): boolean {
  if (!alive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pglite-process');
  } catch {
    return true; // No /proc to tell: assume it is.
  }
}

/**
 * The host of a process that died without stopping it (kill -9) closes PGlite and exits once it sees
 * its parent gone; the folder must not be opened again before. Waits for it (up to 10 s), then ends it.
 */
async function awaitOrphanedHost(dataDir: string): Promise<void> {
  let info: LockInfo;
  try {
    info = JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return;
  }
  const host = info.hostPid;
  if (!host || host === process.pid) return;
  if (!(await waitWhile(() => isHost(host), 10_000))) return;
  process.kill(host, 'SIGKILL');
  await waitWhile(() => alive(host), 5_000);
}

/** Polls `cond` every 50 ms until it is false or `ms` have passed; whether it still held. */
async function waitWhile(cond: () => boolean, ms: number): Promise<boolean> {
  for (let waited = 0; cond() && waited < ms; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return cond();
}

function socketDirFor(dataDir: string): string {
  const preferred = path.join(dataDir, 'run');
  // Unix socket paths are limited to ~107 bytes; fall back to a short per-folder temp dir.
  if (path.join(preferred, SOCKET_FILE).length < 100) return preferred;
  const hash = Buffer.from(dataDir).toString('base64url').slice(-16);
  return path.join(os.tmpdir(), `tuijin-${hash}`);
}

/** Starts PGlite on `dataDir` (null: in memory) in a child process and serves it on a socket. */
export async function startEmbeddedHost(dataDir: string | null, opts: { socketDir?: string } = {}): Promise<EmbeddedHost> {
  let socketDir: string;
  let pgliteDir: string | null = null;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    const running = findRunningHost(dataDir);
    if (running) throw new Error(`DATA_DIR ${dataDir} is already served by another Tuijin process (socket ${running})`);
    await awaitOrphanedHost(dataDir);
    socketDir = opts.socketDir ?? socketDirFor(dataDir);
    pgliteDir = path.join(dataDir, 'pglite');
    fs.mkdirSync(pgliteDir, { recursive: true });
  } else {
    socketDir = opts.socketDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-mem-'));
  }
  fs.mkdirSync(socketDir, { recursive: true });
  // A socket left behind by a killed process would make listen() fail.
  fs.rmSync(path.join(socketDir, SOCKET_FILE), { force: true });

  // The parent's Node options (--cpu-prof, --inspect, a heap limit) are not the database's.
  const child: ChildProcess = fork(fileURLToPath(new URL('./pglite-process.mjs', import.meta.url)), [], {
    execArgv: [],
    env: { ...process.env, TUIJIN_PGLITE_HOST: JSON.stringify({ dataDir: pgliteDir, socketPath: path.join(socketDir, SOCKET_FILE) }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (dataDir) fs.writeFileSync(lockPath(dataDir), JSON.stringify({ pid: process.pid, socketDir, hostPid: child.pid } satisfies LockInfo));
  try {
    await new Promise<void>((resolve, reject) => {
      child.on('message', (msg: { type: string; message?: string }) => {
        if (msg.type === 'ready') resolve();
        else if (msg.type === 'error') reject(new Error(`embedded database failed to start: ${msg.message}`));
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`embedded database process exited (${code})`)));
    });
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  let stopped = false;
  child.once('exit', (code, signal) => {
    // Requests now fail as they would with PostgreSQL down; say why where the operator looks.
    if (!stopped) console.error(`embedded database process ended (${signal ?? code}); restart Tuijin`);
  });
  return {
    socketDir,
    hostPid: child.pid!,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.send({ type: 'stop' });
        });
      }
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
