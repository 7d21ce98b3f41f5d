// Runs in a child process of the server (or of a lone command), started by embedded.ts through
// pglite-process.mjs: opens PGlite on the data folder and serves it on a unix socket. No query ever
// runs in the process that serves HTTP, and the database's memory (PGlite's WebAssembly heap, which
// grows with the largest query and never shrinks) is this process's, not the server's.
//
// The parent tells it what to open in TUIJIN_PGLITE_HOST and talks to it over the IPC channel:
// 'ready' or 'error' once, then 'stop' → 'stopped'. When the channel closes without a stop (the
// parent was killed), it closes PGlite — a connection cut inside a transaction is rolled back — and
// exits, so a new server can take the folder.
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer } from './pglite-wire.ts';

interface HostData {
  dataDir: string | null;
  socketPath: string;
}

const { dataDir, socketPath } = JSON.parse(process.env.TUIJIN_PGLITE_HOST ?? '{}') as HostData;
const send = (msg: { type: string; message?: string }) => {
  if (process.connected) process.send!(msg);
};

let db: PGlite | null = null;
let server: PgliteWireServer | null = null;
let closing: Promise<void> | null = null;
const close = () => (closing ??= (async () => {
  await server?.close();
  await db?.close();
})());

const closeAndExit = () => {
  void close().catch(() => undefined).finally(() => process.exit(0));
};

// Ctrl-C reaches the whole process group: the parent shuts down in order and stops this host last.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', closeAndExit);
process.on('disconnect', closeAndExit);
process.on('message', (msg: { type: string }) => {
  if (msg.type !== 'stop') return;
  void close().then(
    () => send({ type: 'stopped' }),
    (err: Error) => send({ type: 'stopped', message: err.message }),
  ).finally(() => process.exit(0));
});

try {
  db = new PGlite(dataDir ?? undefined);
  server = new PgliteWireServer(db);
  await server.listen(socketPath);
  send({ type: 'ready' });
} catch (err) {
  send({ type: 'error', message: (err as Error).message });
  process.exit(1);
}
