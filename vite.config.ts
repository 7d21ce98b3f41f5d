import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes a .br (quality 11) and a .gz (level 9) beside every text file of the bundle of 1 kB or more.
 * The server sends them as they are (@fastify/static preCompressed): the bundle is compressed once,
 * as small as it gets, instead of on every first visit.
 */
function precompress(): Plugin {
  let outDir = '';
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return {
    name: 'tuijin-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    async writeBundle() {
      const text = files(outDir).filter((f) => /\.(?:js|css|html|svg|json|txt)$/.test(f) && fs.statSync(f).size >= 1024);
      await Promise.all(text.map(async (f) => {
        const data = await fs.promises.readFile(f);
        const [br, gz] = await Promise.all([
          brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
          gzip(data, { level: 9 }),
        ]);
        await Promise.all([fs.promises.writeFile(`${f}.br`, br), fs.promises.writeFile(`${f}.gz`, gz)]);
      }));
    },
  };
}

// The web app lives in src/web and is served by the API server from dist/web in production.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // React in its own long-cached chunk; antd is left to automatic splitting so each lazy page
        // pulls only the components it uses and sign-in stays light.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // TUIJIN_API points the dev server (and `vite preview`) at an API on another port. Only the
    // server's paths are proxied: the sources have an /api folder of their own (src/web/api).
    proxy: { '^/api/(v1|docs|health)': process.env.TUIJIN_API || 'http://localhost:3000' },
  },
});
