// The benchmark's HTTP client: what the web app's browser does on the wire — keep-alive connections,
// compressed answers asked for as a browser asks (br first among equals), decompressed on arrival —
// and no more. Node's fetch asks for gzip and deflate only, so the server answered it with gzip at a
// cost no browser causes, and fetch's web streams add 1–3 ms to reading a 145 kB answer on this
// machine: both were counted as the API's own time over the floor.
import http from 'node:http';
import zlib from 'node:zlib';

/** What Chromium sends. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

const NO_BODY = new Set([101, 204, 205, 304]);

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding) {
    case 'br': return zlib.brotliDecompressSync(body);
    case 'gzip': return zlib.gunzipSync(body);
    case 'deflate': return zlib.inflateSync(body);
    default: return body;
  }
}

/** A fetch-shaped call over node:http with a keep-alive agent; the answer is read whole and decompressed. */
export function browserLikeClient(defaults: Record<string, string> = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const call = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = { 'accept-encoding': BROWSER_ACCEPT_ENCODING, ...defaults };
    let body: Buffer | null = null;
    let method = init.method ?? 'GET';
    if (init.body == null) {
      new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    } else {
      // A Request puts any body (text, a FormData with its boundary) into bytes and headers.
      const request = new Request(url, init);
      body = Buffer.from(await request.arrayBuffer());
      method = request.method;
      request.headers.forEach((v, k) => (headers[k] = v));
      headers['content-length'] = String(body.length);
    }
    const u = new URL(url);
    return new Promise<Response>((resolve, reject) => {
      const req = http.request({ host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const status = res.statusCode ?? 0;
            const out = new Headers();
            for (let i = 0; i < res.rawHeaders.length; i += 2) out.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
            out.delete('content-encoding');
            out.delete('content-length');
            const data = decode(Buffer.concat(chunks), res.headers['content-encoding']);
            resolve(new Response(NO_BODY.has(status) ? null : new Uint8Array(data), { status, headers: out }));
          } catch (e) {
            reject(e);
          }
        });
      });
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  };
  return { fetch: call, close: () => agent.destroy() };
}
