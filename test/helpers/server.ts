// Starts `tuijin serve` as its own process (its own process group, so a SIGKILL takes the PGlite
// worker with it, as a power cut or the OOM killer would), on a data folder or a DATABASE_URL, and
// talks to it over HTTP like the web app does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerOptions {
  port: number;
  /** PGlite's folder (DATA_DIR); ignored by the server when databaseUrl is given. */
  dataDir?: string;
  databaseUrl?: string;
  /** Load the demo city into an empty database (default true). */
  demo?: boolean;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGKILL to the whole process group; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean shutdown), then SIGKILL if it lingers. */
  stop(): Promise<void>;
}

/** Process groups still running: a test process that dies takes its servers with it. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/tuijin.mjs'), 'serve'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATA_DIR: opts.dataDir ?? '',
      DATABASE_URL: opts.databaseUrl ?? '',
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      TUIJIN_DEMO: opts.demo === false ? '0' : '1',
      TUIJIN_SCHEDULER: '0',
      TUIJIN_SKIP_WEB_BUILD: '1',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  running.add(child.pid!);
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child.pid!);
    resolve();
  }));
  const url = `http://127.0.0.1:${opts.port}`;
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Already gone.
    }
  };
  const handle: ServerProcess = {
    url,
    pid: child.pid!,
    output: () => out,
    async kill9() {
      await signal('SIGKILL');
      await exited;
    },
    async stop() {
      await signal('SIGTERM');
      const timer = setTimeout(() => void signal('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (opts.startTimeoutMs ?? 150_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`tuijin serve exited early:\n${out}`);
    if (out.includes('已启动')) {
      try {
        if ((await fetch(`${url}/api/health`)).ok) return handle;
      } catch {
        // Not listening yet.
      }
    }
    if (Date.now() > deadline) {
      await handle.kill9();
      throw new Error(`tuijin serve did not start in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/** A signed-in HTTP client: the session cookie and the CSRF header, as the web app sends them. */
export interface HttpClient {
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  get<T = any>(path: string): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
}

/** Signs in over HTTP; paths are under /api/v1. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<HttpClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('tuijin_session='))!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const request = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = Buffer.isBuffer(body);
    const r = await fetch(`${baseUrl}/api/v1${p}`, {
      method,
      headers: {
        cookie: session, 'x-csrf-token': csrfToken,
        ...(body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? (body as unknown as BodyInit) : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (a file, or an empty body).
    }
    return { status: r.status, body: parsed as any };
  };
  return {
    request,
    get: (p) => request('GET', p),
    post: (p, body) => request('POST', p, body),
    put: (p, body) => request('PUT', p, body),
  };
}
