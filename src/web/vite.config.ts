// Builds the web client from src/web into dist/web, which the API server serves at `/`.
// `npx vite --config src/web/vite.config.ts` runs a dev server that proxies /api to a local `npm start`,
// at the HOST and PORT the server itself reads (src/config.ts, .env).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { loadConfig, loadDotEnv } from '../config.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
loadDotEnv();
const server = loadConfig();
const apiHost = ['0.0.0.0', '::', ''].includes(server.HOST) ? '127.0.0.1' : server.HOST;
const apiTarget = `http://${apiHost.includes(':') ? `[${apiHost}]` : apiHost}:${server.PORT}`;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/api': { target: apiTarget, ws: true } },
  },
});
