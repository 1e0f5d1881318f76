import { existsSync, readFileSync } from 'node:fs';
import { TestApp, startTestApp } from '../support/app';
import { testDatabase } from '../support/database';

describe('sessions', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(() => app.stop());

  it('sets an HTTP-only, SameSite=Lax, signed cookie, stored as a hash in the database', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { login(email: "PM@example.com", password: "ipt-demo-pass") { email } }',
      }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ipt_session=s%3A/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!).slice(2).split('.')[0]!;
    const sessions = await testDatabase(app).query<{ token_hash: string }>(
      'SELECT token_hash FROM sessions',
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.token_hash).not.toContain(token);
    expect(sessions[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('marks the cookie Secure when configured for https', async () => {
    const secure = await startTestApp({ env: { COOKIE_SECURE: 'true' } });
    try {
      const response = await fetch(`${secure.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation { login(email: "pm@example.com", password: "ipt-demo-pass") { email } }',
        }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await secure.stop();
    }
  });

  it('ends the session on logout, and refuses a tampered cookie', async () => {
    const client = await app.as('pm@example.com');
    expect(await client.ok(`{ me { email } }`)).toEqual({ me: { email: 'pm@example.com' } });
    const cookie = client.sessionCookie!;
    expect(await client.ok(`mutation { logout }`)).toEqual({ logout: true });

    const replay = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(
      ((await replay.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('UNAUTHENTICATED');

    const other = await app.as('test@example.com');
    const tampered = other.sessionCookie!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const forged = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: tampered },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(
      ((await forged.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
        .extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('expires sessions after their lifetime', async () => {
    const client = await app.as('pm@example.com');
    app.clock.advance(7 * 24 * 3_600_000 + 1);
    expect((await client.fails(`{ me { email } }`)).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps sessions across a restart, with the generated secret kept beside the database', async () => {
    const client = await app.as('pm@example.com');
    const secretFile = app.database.sessionSecretFile;
    expect(existsSync(secretFile)).toBe(true);
    const secret = readFileSync(secretFile, 'utf8');
    await app.running.close();

    const restarted = await startTestApp({ database: app.database, clock: app.clock });
    try {
      const again = restarted.client();
      Object.assign(again, { cookie: client.sessionCookie });
      expect(await again.ok(`{ me { email } }`)).toEqual({ me: { email: 'pm@example.com' } });
      expect(readFileSync(secretFile, 'utf8')).toBe(secret);
      // The demo loads only into a new database: no second copy.
      expect(await again.ok(`{ programs { key } }`)).toEqual({ programs: [{ key: 'HX' }] });
    } finally {
      await restarted.stop();
    }
  });
});
