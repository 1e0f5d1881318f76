import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const API_PATHS = ['/graphql', '/health', '/auth/'];

/** Hashed file names never change content: cached for a year, never revalidated (ADR 0021). */
const IMMUTABLE_MAX_AGE_MS = 31_536_000_000;

/** The encodings the build writes beside each hashed asset, the server's preference first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof PRECOMPRESSED)[number]['encoding'];

/** A file directly in dist/assets, as Vite names them; no dot files, folders or `..`. */
const ASSET_NAME = /^[\w-][\w.-]*$/;

/**
 * Serves the built web app: its hashed assets (under /assets) precompressed and cached for good,
 * its other files as static files, and its HTML page for every other GET (client-side routing
 * takes over from there; HEAD as well), never cached without asking. Without a build it says how to make one.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const indexFile = join(webDist, 'index.html');
  app.use('/assets', serveAssets(join(webDist, 'assets')));
  if (existsSync(indexFile)) {
    app.useStaticAssets(webDist, {
      index: false,
      maxAge: '1h',
      immutable: false,
      // /index.html asked for by name is the page, and is revalidated like it.
      setHeaders: (response, path) => {
        if (path.endsWith('.html')) response.setHeader('cache-control', 'no-cache');
      },
    });
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !API_PATHS.some((path) => request.path.startsWith(path));
    if (!isPage || !request.accepts('html')) return next();
    if (!existsSync(indexFile)) {
      response
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `npm start` (or `npx nx run web:build`).');
      return;
    }
    response
      .status(200)
      .type('html')
      .setHeader('cache-control', 'no-cache')
      .send(readFileSync(indexFile, 'utf8'));
  });
}

/**
 * GET and HEAD of /assets/<name>: the .br or .gz file the build wrote beside it when the browser
 * accepts that encoding (brotli before gzip), else the file itself; with its own Content-Type,
 * `Content-Encoding`, `Vary: Accept-Encoding` and `Cache-Control: public, max-age=31536000,
 * immutable`. ETag, Last-Modified, 304 and ranges are express's (`send`), per file sent, so each
 * encoding has its own validator. An asset that is not there is a 404, never the HTML page.
 */
function serveAssets(assetsDir: string) {
  // Which encodings each asset has on disk. A hashed name never changes content, so what was
  // found once holds while this build is served; a name not found is looked up again next time.
  const variants = new Map<string, readonly Encoding[]>();
  const lookUp = (name: string): readonly Encoding[] | null => {
    const known = variants.get(name);
    if (known) return known;
    const file = join(assetsDir, name);
    if (!isFile(file)) return null;
    const found = PRECOMPRESSED.filter((v) => isFile(file + v.suffix)).map((v) => v.encoding);
    variants.set(name, found);
    return found;
  };

  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const name = decodedName(request.path);
    const encodings = name && !/\.(br|gz)$/.test(name) ? lookUp(name) : null;
    if (!name || !encodings) {
      response.status(404).type('text/plain').send('No such asset.');
      return;
    }
    const encoding = encodings.length ? chooseEncoding(request, encodings) : null;
    const suffix = PRECOMPRESSED.find((v) => v.encoding === encoding)?.suffix ?? '';
    if (encodings.length) response.vary('Accept-Encoding');
    // Set before sending, so `send` keeps it instead of typing the .br/.gz file by its suffix.
    response.type(extname(name));
    if (encoding) response.setHeader('content-encoding', encoding);
    response.sendFile(
      join(assetsDir, name + suffix),
      { maxAge: IMMUTABLE_MAX_AGE_MS, immutable: true, dotfiles: 'deny' },
      (error?: Error & { status?: number }) => {
        if (!error || response.headersSent) return;
        response.removeHeader('content-encoding');
        response
          .status(error.status ?? 500)
          .type('text/plain')
          .send('The asset could not be read.');
      },
    );
  };
}

/** The asset's file name from the request path ("/index-abc.js"), or null if not a plain name. */
function decodedName(path: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(path.slice(1));
  } catch {
    return null;
  }
  return ASSET_NAME.test(name) ? name : null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The best of `available` for the request's Accept-Encoding: the highest q-value, ties going to
 * the server's order (brotli, then gzip); null (the file as it is) if none is acceptable. A
 * missing header accepts only identity; `*` stands for any encoding not named.
 */
export function chooseEncoding(
  request: Pick<Request, 'headers'>,
  available: readonly Encoding[],
): Encoding | null {
  const header = request.headers['accept-encoding'];
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of String(header).split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(token.trim(), Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
