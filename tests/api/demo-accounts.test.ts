import { DEMO_PASSWORD, DEMO_PEOPLE } from 'api/src/demo/demo-cast';
import { TestApp, startTestApp } from '../support/app';

/** The sign-in page lists the demo accounts from this endpoint, in demo mode only. */
describe('GET /auth/demo-accounts', () => {
  describe('in demo mode', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.stop());

    it('lists every demo account with its name and title, and the shared password', async () => {
      const response = await fetch(`${app.url}/auth/demo-accounts`, {
        headers: { accept: 'application/json' },
      });

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await response.json()) as {
        password: string;
        accounts: { email: string; name: string; title: string }[];
      };
      expect(body.password).toBe(DEMO_PASSWORD);
      expect(body.accounts).toEqual(
        DEMO_PEOPLE.map(({ email, name, title }) => ({ email, name, title })),
      );
      expect(body.accounts.map((a) => a.email)).toEqual(
        expect.arrayContaining(['admin@example.com', 'pm@example.com', 'lead@example.com']),
      );
    });

    it('lists only accounts that can sign in: a deactivated one drops off', async () => {
      const admin = await app.as('admin@example.com');
      const { users } = await admin.ok<{ users: { id: string; email: string }[] }>(
        '{ users { id email } }',
      );
      const safety = users.find((u) => u.email === 'safety@example.com')!;
      await admin.ok('mutation ($id: ID!) { deactivateUser(input: { userId: $id }) { id } }', {
        id: safety.id,
      });
      try {
        const body = (await (await fetch(`${app.url}/auth/demo-accounts`)).json()) as {
          accounts: { email: string }[];
        };
        expect(body.accounts.map((a) => a.email)).not.toContain('safety@example.com');
        expect(body.accounts).toHaveLength(DEMO_PEOPLE.length - 1);
      } finally {
        await admin.ok('mutation ($id: ID!) { reactivateUser(input: { userId: $id }) { id } }', {
          id: safety.id,
        });
      }
    });

    it('needs no session, and every listed account signs in with the password', async () => {
      const body = (await (await fetch(`${app.url}/auth/demo-accounts`)).json()) as {
        password: string;
        accounts: { email: string }[];
      };
      const pm = body.accounts.find((a) => a.email === 'pm@example.com')!;
      const client = app.client();
      await client.login(pm.email, body.password);
      const { me } = await client.ok<{ me: { email: string } }>('{ me { email } }');
      expect(me.email).toBe('pm@example.com');
    });
  });

  describe('with demo mode off (IPT_DEMO=false)', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ demo: false });
    });
    afterAll(() => app.stop());

    it('answers 404 and gives nothing away', async () => {
      const response = await fetch(`${app.url}/auth/demo-accounts`, {
        headers: { accept: 'application/json' },
      });

      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain(DEMO_PASSWORD);
      expect(text).not.toContain('@example.com');
    });
  });
});
