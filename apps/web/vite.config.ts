import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The API (apps/api) listens on 127.0.0.1:3000. Proxying keeps the browser on one origin in
// development, so the HTTP-only session cookie is sent with `credentials: 'same-origin'`.
const api = 'http://127.0.0.1:3000';
const proxy = { '/graphql': { target: api, ws: true }, '/health': api, '/auth': api };

// Transform with this app's tsconfig rather than discovering the nearest one per file: files of
// libs/domain would otherwise pick up the root solution-style tsconfig.json and its references.
const tsconfig = fileURLToPath(new URL('tsconfig.json', import.meta.url));

/** Hashed assets worth compressing (not source maps: only developer tools fetch those). */
const COMPRESSIBLE = /^assets\/.+\.(js|mjs|css|svg|json|txt|xml|wasm)$/;

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every hashed
 * asset, once, at build time, so the API serves them without compressing per request (ADR 0021).
 * A variant that would not be smaller is left out; the server then sends the file as it is.
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  let outDir = '';
  return {
    name: 'ipt:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name);
          const content = await readFile(path);
          const [brotli, gzipped] = await Promise.all([
            br(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gz(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          if (brotli.length < content.length) await writeFile(`${path}.br`, brotli);
          if (gzipped.length < content.length) await writeFile(`${path}.gz`, gzipped);
        }),
      );
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  tsconfig,
  plugins: [react(), precompress()],
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
    // dist/.vite/manifest.json: which chunks each screen loads (tools/web-size.mjs reads it).
    manifest: true,
  },
});
