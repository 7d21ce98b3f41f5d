import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and is served by the API server from dist/web in production.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
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
