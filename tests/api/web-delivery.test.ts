import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { TestApp, startTestApp } from '../support/app';

const WEB_DIST = join(__dirname, '../../apps/web/dist');
const ASSETS = join(WEB_DIST, 'assets');
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire, not decoded. */
  readonly body: Buffer;
}

/** Byte-for-byte equality (jest's toEqual walks a large Buffer one element at a time). */
function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.equals(b);
}

/** One HTTP request with exactly these headers (fetch would add Accept-Encoding and decode). */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * ADR 0021: the built web app's hashed assets go out precompressed (brotli, else gzip, else as
 * they are) and are cached for good; its page is revalidated every time; GraphQL answers over
 * 1 KB are compressed; no screen's first visit needs more than 150 KiB of gzipped JavaScript. Needs the web build (`npx nx run web:build`), which the system-tests
 * target builds first (`dependsOn: ^build`), as the security-headers test does.
 */
describe('web delivery', () => {
  let app: TestApp;
  /** The largest script of the build (the dashboard's charts), and its bytes. */
  let script: { name: string; bytes: Buffer };

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html'))) {
      throw new Error('No apps/web/dist: build the web app first (npx nx run web:build).');
    }
    const scripts = readdirSync(ASSETS).filter((name) => name.endsWith('.js'));
    const largest = scripts
      .map((name) => ({ name, bytes: readFileSync(join(ASSETS, name)) }))
      .sort((a, b) => b.bytes.length - a.bytes.length)[0];
    if (!largest) throw new Error('The web build has no scripts under assets/.');
    script = largest;
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  const asset = (headers: Record<string, string> = {}, method = 'GET') =>
    raw(`${app.url}/assets/${script.name}`, { method, headers });

  it('writes a .br and a .gz beside every hashed script and style sheet at build time', () => {
    const compressible = readdirSync(ASSETS).filter((name) => /\.(js|css)$/.test(name));
    expect(compressible.length).toBeGreaterThan(0);
    for (const name of compressible) {
      const bytes = readFileSync(join(ASSETS, name));
      // A variant that would not be smaller is left out (a tiny file); every other is there.
      if (bytes.length < 200) continue;
      expect(sameBytes(brotliDecompressSync(readFileSync(join(ASSETS, `${name}.br`))), bytes)).toBe(
        true,
      );
      expect(sameBytes(gunzipSync(readFileSync(join(ASSETS, `${name}.gz`))), bytes)).toBe(true);
    }
  });

  it('keeps every screen’s first-visit JavaScript within 150 KiB gzipped', () => {
    const report = JSON.parse(
      execFileSync(process.execPath, [join(__dirname, '../../tools/web-size.mjs'), '--json'], {
        encoding: 'utf8',
      }),
    ) as { screens: { screen: string; jsGzipKiB: number }[] };
    expect(report.screens.map((s) => s.screen)).toEqual(
      expect.arrayContaining(['/sign-in', '/dashboard', '/issues', '/issues/:key', '/setup']),
    );
    const over = report.screens.filter((s) => s.jsGzipKiB > 150).map((s) => s.screen);
    expect(over).toEqual([]);
  });

  it('sends brotli to a browser that accepts it, decoding to the very file', async () => {
    const response = await asset({ 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(script.bytes.length / 2);
    expect(sameBytes(brotliDecompressSync(response.body), script.bytes)).toBe(true);
  });

  it('sends gzip to a browser that accepts gzip and not brotli', async () => {
    const response = await asset({ 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(sameBytes(gunzipSync(response.body), script.bytes)).toBe(true);
  });

  it('follows the q-values: brotli refused with q=0 leaves gzip', async () => {
    const response = await asset({ 'accept-encoding': 'br;q=0, gzip;q=0.8' });
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('sends the file as it is without Accept-Encoding', async () => {
    const response = await asset();
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(sameBytes(response.body, script.bytes)).toBe(true);
  });

  it('serves style sheets with their own type, compressed the same way', async () => {
    const sheet = readdirSync(ASSETS).find(
      (name) => name.startsWith('index-') && /\.css$/.test(name),
    );
    const response = await raw(`${app.url}/assets/${sheet}`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(response.headers['content-encoding']).toBe('br');
    expect(sameBytes(brotliDecompressSync(response.body), readFileSync(join(ASSETS, sheet!)))).toBe(
      true,
    );
  });

  it('answers HEAD with the headers alone, and a revalidation with 304', async () => {
    const head = await asset({ 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
    const full = await asset({ 'accept-encoding': 'br' });
    expect(head.headers['content-length']).toBe(full.headers['content-length']);
    const etag = full.headers['etag'];
    expect(etag).toBeTruthy();
    // Each encoding is its own representation, with its own validator.
    expect((await asset({ 'accept-encoding': 'gzip' })).headers['etag']).not.toBe(etag);

    const again = await asset({ 'accept-encoding': 'br', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers an asset that is not there with 404, not the page', async () => {
    for (const path of ['/assets/index-nothere.js', '/assets/..%2Findex.html', '/assets/']) {
      const response = await raw(`${app.url}${path}`, { headers: { accept: '*/*' } });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).not.toMatch(/html/);
    }
  });

  it('keeps the content security policy on assets', async () => {
    const response = await asset({ 'accept-encoding': 'br' });
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('has the page revalidated on every visit, at / and by name', async () => {
    for (const path of ['/', '/dashboard?program=HX', '/index.html']) {
      const response = await raw(`${app.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
    }
    const head = await raw(`${app.url}/dashboard`, {
      method: 'HEAD',
      headers: { accept: 'text/html' },
    });
    expect(head.status).toBe(200);
    expect(head.headers['cache-control']).toBe('no-cache');
    expect(head.body.length).toBe(0);
    // Revalidated, an unchanged page costs a 304.
    const page = await raw(`${app.url}/`, { headers: { accept: 'text/html' } });
    const etag = page.headers['etag'];
    expect(etag).toBeTruthy();
    const again = await raw(`${app.url}/`, {
      headers: { accept: 'text/html', 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
  });

  describe('GraphQL', () => {
    let cookie: string;
    beforeAll(async () => {
      const client = await app.as('pm@example.com');
      cookie = client.sessionCookie!;
    });

    const graphql = (query: string, acceptEncoding: string) =>
      raw(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding, cookie },
        body: JSON.stringify({ query }),
      });

    it('compresses an answer over 1 KB', async () => {
      const response = await graphql(
        '{ issues(programKey: "HX", first: 30) { edges { node { key title conditionStatement } } } }',
        'gzip',
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      const json = gunzipSync(response.body);
      expect(json.length).toBeGreaterThan(1024);
      const body = JSON.parse(json.toString('utf8')) as {
        data: { issues: { edges: unknown[] } };
      };
      expect(body.data.issues.edges.length).toBeGreaterThan(10);
      expect(response.body.length).toBeLessThan(json.length);
    });

    it('sends a tiny answer as it is', async () => {
      const response = await graphql('{ me { email } }', 'gzip');
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(response.body.toString('utf8'))).toEqual({
        data: { me: { email: 'pm@example.com' } },
      });
    });
  });
});
