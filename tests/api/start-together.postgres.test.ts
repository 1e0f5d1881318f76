import { startTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Several API instances started at the same moment on one new PostgreSQL database, as a rollout
 * behind a reverse proxy does: the migrations run once, the demo loads once, all of them serve.
 */
describe('instances started together on a new PostgreSQL database', () => {
  let database: TestDatabase;
  let apps: TestApp[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await database.drop();
  });

  it('migrates once, loads the demo once, and every instance serves it', async () => {
    const env = { SESSION_SECRET: 'one-secret-shared-by-every-instance-of-this-rollout' };
    apps = await Promise.all([1, 2, 3].map(() => startTestApp({ database, env })));

    expect(apps.filter((app) => app.running.startup.demoLoaded)).toHaveLength(1);
    const programs = await database.query<{ key: string }>('SELECT key FROM programs');
    expect(programs.map((p) => p.key)).toEqual(['HX']);
    const migrations = await database.query<{ name: string; n: number }>(
      'SELECT name, COUNT(*) AS n FROM migrations GROUP BY name',
    );
    expect(migrations.length).toBeGreaterThan(5);
    expect(migrations.every((m) => m.n === 1)).toBe(true);
    for (const app of apps) {
      const response = await fetch(`${app.url}/health`);
      expect(response.status).toBe(200);
    }
    const signedIn = await apps[2]!.as('pm@example.com');
    expect(signedIn.sessionCookie).not.toBeNull();
  });
});
