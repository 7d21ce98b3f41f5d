// Runs inside a worker thread (see pglite-worker.mjs): opens PGlite on the data folder and serves
// it on a unix socket, so no query ever runs on the thread that serves HTTP.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer } from './pglite-wire.ts';

interface HostData {
  dataDir: string | null;
  socketPath: string;
}

const { dataDir, socketPath } = workerData as HostData;
const db = new PGlite(dataDir ?? undefined);
const server = new PgliteWireServer(db);

try {
  await server.listen(socketPath);
  parentPort!.postMessage({ type: 'ready' });
} catch (err) {
  parentPort!.postMessage({ type: 'error', message: (err as Error).message });
}

parentPort!.on('message', async (msg: { type: string }) => {
  if (msg.type === 'stop') {
    await server.close();
    await db.close();
    parentPort!.postMessage({ type: 'stopped' });
  }
});
