import { TestApp, startTestApp } from '../support/app';

/** Every response carries the security headers: pages, screens, the API and health alike. */
describe('security headers', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { accept: 'text/html' } });
  const graphql = () =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });

  it.each([
    ['/', () => get('/')],
    ['a screen', () => get('/issues/HX-1')],
    ['/graphql', graphql],
    ['/health', () => get('/health')],
  ])('on %s', async (_, request) => {
    const response = await request();
    const policy = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      policy.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    // No inline script of any kind, and no eval.
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      `ws://${new URL(app.url).host}`,
      `wss://${new URL(app.url).host}`,
    ]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    // Plain http: HSTS would lock browsers out of an app that has no https.
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the web page with no inline script, so the policy lets it run', async () => {
    const html = await (await get('/')).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('adds HSTS and upgrades requests when served over https (COOKIE_SECURE)', async () => {
    const secure = await startTestApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      const response = await fetch(`${secure.url}/health`);
      expect(response.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
      expect(response.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
    } finally {
      await secure.stop();
    }
  });
});
