import { ConfigError, loadConfig } from './config';

describe(loadConfig.name, () => {
  const root = '/srv/ipt';

  it('works with no settings at all', () => {
    const sut = loadConfig({}, root);
    expect(sut.port).toBe(3000);
    expect(sut.database).toEqual({
      kind: 'sqlite',
      path: '/srv/ipt/data/ipt.sqlite',
      synchronous: 'FULL',
    });
    expect(sut.redisUrl).toBeNull();
    expect(sut.demo).toBe(true);
    expect(sut.sessionSecret).toBeNull();
    expect([sut.timelinessSweepSeconds, sut.notificationSweepSeconds]).toEqual([300, 60]);
    expect(sut.timelinessFactsCachePrograms).toBe(2);
  });

  it('turns demo mode on by default only on a loopback address; elsewhere it must be asked for', () => {
    for (const host of ['127.0.0.1', '::1', '[::1]', 'localhost', 'LOCALHOST', '127.0.0.2']) {
      expect({ host, demo: loadConfig({ HOST: host }, root).demo }).toEqual({ host, demo: true });
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'ipt.example.org', '128.0.0.1']) {
      expect({ host, demo: loadConfig({ HOST: host }, root).demo }).toEqual({ host, demo: false });
    }
    expect(loadConfig({ HOST: '0.0.0.0', IPT_DEMO: 'true' }, root).demo).toBe(true);
    expect(loadConfig({ HOST: '127.0.0.1', IPT_DEMO: 'false' }, root).demo).toBe(false);
  });

  it('reads how many programs keep their timeliness facts in memory (0: none)', () => {
    expect(
      loadConfig({ TIMELINESS_FACTS_CACHE_PROGRAMS: '0' }, root).timelinessFactsCachePrograms,
    ).toBe(0);
    expect(() => loadConfig({ TIMELINESS_FACTS_CACHE_PROGRAMS: 'lots' }, root)).toThrow(
      'Invalid configuration: TIMELINESS_FACTS_CACHE_PROGRAMS',
    );
  });

  it('reads the sweep intervals (0 turns a sweep off) and refuses nonsense, naming the variable', () => {
    const sut = loadConfig(
      { TIMELINESS_SWEEP_SECONDS: '0', NOTIFICATION_SWEEP_SECONDS: '15' },
      root,
    );
    expect([sut.timelinessSweepSeconds, sut.notificationSweepSeconds]).toEqual([0, 15]);
    expect(() => loadConfig({ NOTIFICATION_SWEEP_SECONDS: 'often' }, root)).toThrow(
      'Invalid configuration: NOTIFICATION_SWEEP_SECONDS',
    );
    expect(() => loadConfig({ TIMELINESS_SWEEP_SECONDS: '-5' }, root)).toThrow(ConfigError);
  });

  it('resolves a relative SQLite path against the repository root and keeps an absolute one', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:tmp/x.sqlite' }, root).database).toEqual({
      kind: 'sqlite',
      path: '/srv/ipt/tmp/x.sqlite',
      synchronous: 'FULL',
    });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/ipt.db' }, root).database).toEqual({
      kind: 'sqlite',
      path: '/var/lib/ipt.db',
      synchronous: 'FULL',
    });
  });

  it('syncs every commit unless SQLITE_SYNCHRONOUS=NORMAL asks for speed over power-loss safety', () => {
    const normal = loadConfig({ SQLITE_SYNCHRONOUS: 'normal' }, root).database;
    expect(normal).toMatchObject({ kind: 'sqlite', synchronous: 'NORMAL' });
    expect(() => loadConfig({ SQLITE_SYNCHRONOUS: 'OFF' }, root)).toThrow(
      'Invalid configuration: SQLITE_SYNCHRONOUS must be one of FULL, NORMAL, not "OFF".',
    );
  });

  it('takes a Redis URL for live updates across instances, and only a Redis URL', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, root).redisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(() => loadConfig({ REDIS_URL: '127.0.0.1:6379' }, root)).toThrow(
      'Invalid configuration: REDIS_URL',
    );
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number/],
    ['PORT', '70000', /PORT must be a whole number from 0 to 65535/],
    ['IPT_DEMO', 'maybe', /IPT_DEMO must be true or false/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must start with "sqlite:" or "postgres:\/\/"/],
    ['SESSION_SECRET', 'short', /SESSION_SECRET must be at least 32 characters/],
  ])('stops on a bad %s, naming the variable', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value }, root)).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value }, root)).toThrow(message);
  });
});
