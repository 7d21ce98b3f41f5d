// A TCP proxy in front of the database, which the test can cut and restore: to the server behind
// it, the database has gone away (connections dropped mid-query, new ones refused) and come back.
import net from 'node:net';

export type ProxyTarget = { host: string; port: number } | { path: string };

export class DatabaseProxy {
  private server: net.Server | null = null;
  private readonly pairs = new Set<net.Socket>();

  constructor(
    private readonly target: ProxyTarget,
    readonly port: number,
  ) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target as net.NetConnectOpts);
      for (const s of [client, upstream]) {
        this.pairs.add(s);
        s.on('close', () => this.pairs.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** The database goes away: every open connection is dropped and new ones are refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const s of this.pairs) s.destroy();
    await closed;
  }

  get connections(): number {
    return this.pairs.size / 2;
  }
}
