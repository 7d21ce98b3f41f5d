// Serves one PGlite instance over the Postgres wire protocol on a unix socket, so the app and the
// command line reach the embedded database through the same `pg` driver as PostgreSQL.
//
// PGlite has a single session. pglite-socket (0.2.x) interleaves connections whenever a message
// arrives in several reads outside an explicit transaction, which corrupts bind parameters. Here a
// connection owns the session from its first complete message until PGlite answers ReadyForQuery
// with status 'I' (idle): others wait their turn, so a transaction or an extended-protocol exchange
// is never split. A client that disconnects mid-transaction is rolled back.
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const GSSENC_REQUEST = 80877104;
const PROTOCOL_3 = 196608;

class Connection {
  buf: Buffer = Buffer.alloc(0);
  started = false;
  readonly messages: Buffer[] = [];
  idle = true;
  closed = false;
  constructor(readonly socket: net.Socket) {}

  /** Splits the buffered bytes into complete protocol messages; answers SSL/GSS requests inline. */
  parse(): void {
    for (;;) {
      if (!this.started) {
        if (this.buf.length < 8) return;
        const len = this.buf.readInt32BE(0);
        const code = this.buf.readInt32BE(4);
        if (len === 8 && (code === SSL_REQUEST || code === GSSENC_REQUEST)) {
          this.socket.write('N');
          this.buf = this.buf.subarray(8);
          continue;
        }
        if (len === 16 && code === CANCEL_REQUEST) {
          this.buf = this.buf.subarray(16);
          this.socket.end();
          return;
        }
        if (this.buf.length < len) return;
        if (code !== PROTOCOL_3) {
          this.socket.destroy();
          return;
        }
        this.messages.push(this.buf.subarray(0, len));
        this.buf = this.buf.subarray(len);
        this.started = true;
        continue;
      }
      if (this.buf.length < 5) return;
      const len = 1 + this.buf.readInt32BE(1);
      if (this.buf.length < len) return;
      this.messages.push(Buffer.from(this.buf.subarray(0, len)));
      this.buf = this.buf.subarray(len);
    }
  }
}

export class PgliteWireServer {
  private server: net.Server | null = null;
  private readonly conns = new Set<Connection>();
  private owner: Connection | null = null;
  private readonly waiting: Connection[] = [];
  private pumping = false;

  constructor(private readonly db: PGlite) {}

  async listen(socketPath: string): Promise<void> {
    await this.db.waitReady;
    this.server = net.createServer((socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(socketPath, () => resolve());
    });
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  private accept(socket: net.Socket): void {
    const conn = new Connection(socket);
    this.conns.add(conn);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      conn.buf = conn.buf.length ? Buffer.concat([conn.buf, chunk]) : chunk;
      conn.parse();
      if (conn.messages.length) this.schedule(conn);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.drop(conn));
  }

  private schedule(conn: Connection): void {
    if (this.owner !== conn && !this.waiting.includes(conn)) this.waiting.push(conn);
    void this.pump();
  }

  private async drop(conn: Connection): Promise<void> {
    conn.closed = true;
    conn.messages.length = 0;
    this.conns.delete(conn);
    const i = this.waiting.indexOf(conn);
    if (i >= 0) this.waiting.splice(i, 1);
    if (this.owner === conn && !this.pumping) {
      await this.releaseAbandoned(conn);
      void this.pump();
    }
  }

  private async releaseAbandoned(conn: Connection): Promise<void> {
    if (this.owner !== conn) return;
    if (!conn.idle || this.db.isInTransaction()) {
      try {
        await this.db.exec('ROLLBACK');
      } catch {
        // Nothing to roll back.
      }
    }
    this.owner = null;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        if (!this.owner) {
          const next = this.waiting.shift();
          if (!next) break;
          this.owner = next;
        }
        const conn = this.owner;
        if (conn.closed) {
          await this.releaseAbandoned(conn);
          continue;
        }
        const msg = conn.messages.shift();
        if (!msg) {
          // Owner has nothing more to say yet: hand the session on only if it is idle.
          if (conn.idle) {
            this.owner = null;
            continue;
          }
          break;
        }
        let tail = Buffer.alloc(0);
        await this.db.runExclusive(() =>
          this.db.execProtocolRawStream(new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength), {
            onRawData: (data: Uint8Array) => {
              if (data.length === 0) return;
              const b = Buffer.from(data);
              if (!conn.closed && conn.socket.writable) conn.socket.write(b);
              tail = Buffer.concat([tail, b]).subarray(-6);
            },
          }),
        );
        // ReadyForQuery is always last in a response: 'Z', length 5, status I/T/E.
        if (tail.length === 6 && tail[0] === 0x5a && tail.readInt32BE(1) === 5) {
          conn.idle = tail[5] === 0x49;
        } else if (tail.length > 0) {
          conn.idle = false;
        }
      }
    } finally {
      this.pumping = false;
    }
    if (this.owner?.closed) {
      await this.releaseAbandoned(this.owner);
      void this.pump();
    } else if (!this.owner && this.waiting.length) {
      void this.pump();
    }
  }
}
