import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API (apps/api) listens on 127.0.0.1:3000. Proxying keeps the browser on one origin in
// development, so the HTTP-only session cookie is sent with `credentials: 'same-origin'`.
const api = 'http://127.0.0.1:3000';
const proxy = { '/graphql': { target: api, ws: true }, '/health': api, '/auth': api };

// Transform with this app's tsconfig rather than discovering the nearest one per file: files of
// libs/domain would otherwise pick up the root solution-style tsconfig.json and its references.
const tsconfig = fileURLToPath(new URL('tsconfig.json', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  tsconfig,
  plugins: [react()],
  resolve: {
    alias: {
      '@ipt/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  optimizeDeps: { rolldownOptions: { tsconfig } },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
