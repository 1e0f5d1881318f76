import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The production entry point as `npm start` runs it: the built app in its own process, with
 * nothing but environment variables. (Needs `nx run api:build web:build`, which `npm test` does.)
 */
const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No start message in time:\n${output}`)),
      30_000,
    );
    const check = () => {
      const match = /running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match?.[1] && output.includes('GraphQL API')) {
        clearTimeout(timer);
        // Let the rest of the start message arrive.
        setTimeout(() => resolve({ child, url: match[1]!, output: () => output }), 100);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Exited with ${code}:\n${output}`));
    });
  });
}

function stop(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', () => resolve());
    started.child.kill('SIGTERM');
  });
}

describe('npm start, as a new user runs it', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ipt-start-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('creates and migrates the database, loads the demo, serves the web app and prints the demo logins', async () => {
    const app = await start({ DATABASE_URL: `sqlite:${join(folder, 'data/ipt.sqlite')}` });
    try {
      expect(app.output()).toContain(`Database: SQLite file ${join(folder, 'data/ipt.sqlite')}`);
      for (const email of [
        'admin@example.com',
        'pm@example.com',
        'lead@example.com',
        'engineering@example.com',
        'test@example.com',
      ]) {
        expect(app.output()).toContain(email);
      }
      expect(app.output()).toContain('ipt-demo-pass');
      expect((await fetch(`${app.url}/health`)).status).toBe(200);

      for (const path of ['/', '/issues', '/sign-in']) {
        const page = await fetch(`${app.url}${path}`, { headers: { accept: 'text/html' } });
        expect({ path, status: page.status }).toEqual({ path, status: 200 });
        expect(await page.text()).toMatch(/<div id="root"><\/div>/);
      }
      const login = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation { login(email: "pm@example.com", password: "ipt-demo-pass") { email } }',
        }),
      });
      expect(await login.json()).toEqual({ data: { login: { email: 'pm@example.com' } } });
    } finally {
      await stop(app);
    }
  });

  it('with demo off and no users, says how to create the first admin, and create-admin does it', async () => {
    const databaseUrl = `sqlite:${join(folder, 'empty.sqlite')}`;
    const app = await start({ DATABASE_URL: databaseUrl, IPT_DEMO: 'false' });
    try {
      expect(app.output()).toContain('npm run create-admin -- --email');
      expect(app.output()).not.toContain('pm@example.com');
    } finally {
      await stop(app);
    }
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
    };
    const created = spawnSync(
      process.execPath,
      [
        join(ROOT, 'apps/api/dist/cli/create-admin.js'),
        '--email',
        'chief@example.org',
        '--password',
        'chief-password-1',
      ],
      { env, encoding: 'utf8' },
    );
    expect(created.stdout).toContain('Created system admin chief@example.org.');
    expect(created.status).toBe(0);
    const again = spawnSync(
      process.execPath,
      [join(ROOT, 'apps/api/dist/cli/create-admin.js'), '--email', 'second@example.org'],
      { env, encoding: 'utf8' },
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has a system admin');
  });

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/ipt'],
    ['IPT_DEMO', 'perhaps'],
  ])('stops on a bad %s with a message naming it', (variable, value) => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        DATABASE_URL: `sqlite:${join(folder, 'x.sqlite')}`,
        [variable]: value,
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Invalid configuration: ${variable}`);
  });
});
