import { FixedClock } from 'api/src/common/clock';
import { TimelinessSweepService } from 'api/src/timeliness/timeliness-sweep.service';
import { Redis } from 'ioredis';
import { T0 } from '../support/app';
import { DAY_MS } from '../support/builders';
import { type TestDatabase, createTestDatabase, firstBrokenEvent } from '../support/database';
import { collect, liveClient } from '../support/live';
import {
  type Instance,
  eventually,
  startInstance,
  startPrivateRedis,
  type PrivateRedis,
  waitUntil,
  withCookie,
} from '../support/multi-instance';
import {
  ME,
  anIssueAwaitingDecision,
  anIssueInReview,
  type Cast,
  signInCast,
} from '../support/operations';

/**
 * Two API instances on one PostgreSQL database and one Redis, as behind a load balancer: live
 * updates cross instances, sessions work on either, sweeps run on both without doing anything
 * twice, and Redis going away degrades live updates only (ADR 15).
 */

const ACTIVITY = `subscription ($issueKey: String, $programKey: String) {
  issueActivity(issueKey: $issueKey, programKey: $programKey) { issueKey programKey type actorName version at }
}`;
const UNREAD = `subscription { notificationsChanged { unreadCount } }`;
const DECIDE = `mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) { key version } }`;
const COMMENT = `mutation ($input: CommentOnIssueInput!) { commentOnIssue(input: $input) { key version } }`;
const MARK_READ = `mutation { markNotificationsRead }`;
const UNREAD_COUNT = `{ notifications(first: 0) { unreadCount } }`;

interface Activity {
  issueActivity: {
    issueKey: string;
    programKey: string;
    type: string;
    actorName: string | null;
    version: number;
    at: string;
  };
}
interface Unread {
  notificationsChanged: { unreadCount: number };
}

function elapsedMs(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

describe('two API instances on one PostgreSQL database and one Redis', () => {
  let redis: PrivateRedis;
  let database: TestDatabase;
  const clock = new FixedClock(T0);
  let a: Instance;
  let b: Instance;
  /** The demo cast, signed in through instance A. */
  let cast: Cast;
  const sockets: { dispose(): Promise<void> | void }[] = [];

  beforeAll(async () => {
    redis = await startPrivateRedis();
    database = await createTestDatabase('postgres');
    const options = { databaseUrl: database.url, redisUrl: redis.url, clock };
    // A migrates the new database and loads the demo; B starts on it once A is up.
    a = await startInstance('A', options);
    b = await startInstance('B', options);
    cast = await signInCast(a.as);
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) await socket.dispose();
    try {
      await b?.stop();
      await a?.stop();
    } finally {
      await database?.drop();
      await redis?.stop();
    }
  });

  /** A graphql-ws client on `instance`, presenting a session cookie made through A. */
  function socketOn(instance: Instance, cookie: string | null) {
    const client = liveClient(instance.url, { cookie });
    sockets.push(client);
    return client;
  }

  /**
   * Comments through A until every watch has heard one: then their subscriptions are live end to
   * end (a socket, and on B a Redis SUBSCRIBE, away from hearing anything at first).
   */
  async function whenHearing(watches: { received: Activity[] }[], issueKey: string): Promise<void> {
    const heard = () =>
      watches.every((w) => w.received.some((r) => r.issueActivity.type === 'COMMENT_ADDED'));
    for (let tries = 1; !heard(); tries++) {
      if (tries > 10) throw new Error('A subscription never heard a comment through A');
      await cast.test.ok(COMMENT, { input: { issueKey, body: `Probe ${tries}` } });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  it('accepts a session made on A at B, and a sign-out at B ends it on A', async () => {
    const onA = await a.as('logistics@example.com');
    const onB = withCookie(b.url, onA.sessionCookie);
    expect((await onB.ok<{ me: { email: string } }>(ME)).me.email).toBe('logistics@example.com');

    await onB.ok(`mutation { logout }`);
    const refused = await onA.request(ME);
    expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('carries a decision recorded through A to a subscriber on B within a second, once, and only to those who may see it', async () => {
    const issue = await anIssueAwaitingDecision(cast, clock.now().toISOString());
    const onB = collect<Activity>(socketOn(b, cast.pm.sessionCookie), ACTIVITY, {
      issueKey: issue.key,
    });
    const onA = collect<Activity>(socketOn(a, cast.pm.sessionCookie), ACTIVITY, {
      issueKey: issue.key,
    });
    // Someone with no role in the program, watching every program they can see, from B.
    const admin = await a.as('admin@example.com');
    await admin.ok(
      `mutation { createUser(input: { email: "outsider@example.org", name: "Outsider", password: "outsider-pass-1" }) { id } }`,
    );
    const outsider = a.client();
    await outsider.login('outsider@example.org', 'outsider-pass-1');
    const unseen = collect<Activity>(socketOn(b, outsider.sessionCookie), ACTIVITY, {});
    await whenHearing([onB, onA], issue.key);

    const started = process.hrtime.bigint();
    const decided = cast.pm.ok<{ recordDecision: { version: number } }>(DECIDE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        optionId: issue.options[0]!.id,
        rationale: 'The gusset is cheapest and qualifies.',
      },
    });
    await waitUntil(
      () => onB.received.some((r) => r.issueActivity.type === 'DECISION_RECORDED'),
      1_000,
      'the decision to reach the subscriber on B',
    );
    const heardAfterMs = elapsedMs(started);
    const { recordDecision } = await decided;

    // Whatever else arrives late would show here.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pmName = (await cast.pm.ok<{ me: { name: string } }>(ME)).me.name;
    const decisions = (watch: { received: Activity[] }) =>
      watch.received.filter((r) => r.issueActivity.type === 'DECISION_RECORDED');
    expect(heardAfterMs).toBeLessThan(1_000);
    expect(onB.errors).toEqual([]);
    expect(decisions(onB).map((r) => r.issueActivity)).toEqual([
      {
        issueKey: issue.key,
        programKey: 'HX',
        type: 'DECISION_RECORDED',
        actorName: pmName,
        version: recordDecision.version,
        at: clock.now().toISOString(),
      },
    ]);
    // A's own subscriber hears it once too: from A itself, not again through Redis.
    expect(decisions(onA)).toHaveLength(1);
    // The outsider's filter still applies to what comes from another instance.
    expect(unseen.received).toEqual([]);
    expect(unseen.errors).toEqual([]);
  });

  it('carries notification counts from A to the subscriber on B within a second, each to its own person', async () => {
    await cast.engineering.ok(MARK_READ);
    const engineering = collect<Unread>(socketOn(b, cast.engineering.sessionCookie), UNREAD);
    const manufacturing = collect<Unread>(socketOn(b, cast.manufacturing.sessionCookie), UNREAD);
    // Triage through A makes engineering the owner and asks for its recommendation: told on B.
    // Until B's subscription is live (a socket and a SUBSCRIBE away) it may miss that; the next
    // issue's triage tells engineering again.
    let issue = await anIssueAwaitingDecision(cast, clock.now().toISOString());
    for (let tries = 1; engineering.received.length === 0; tries++) {
      if (tries > 5) throw new Error('B never told engineering of a triage through A');
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (engineering.received.length === 0)
        issue = await anIssueAwaitingDecision(cast, clock.now().toISOString());
    }
    const unread = async () =>
      (await cast.engineering.ok<{ notifications: { unreadCount: number } }>(UNREAD_COUNT))
        .notifications.unreadCount;
    const latest = () => engineering.received.at(-1)?.notificationsChanged.unreadCount;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const count = await unread();
    expect(count).toBeGreaterThanOrEqual(2);
    expect(latest()).toBe(count);
    const heardByOthers = manufacturing.received.length;

    // Reading them through A brings B's subscriber to zero; nobody else hears of it.
    let started = process.hrtime.bigint();
    await cast.engineering.ok(MARK_READ);
    await waitUntil(() => latest() === 0, 1_000, 'B to show the count read through A');
    expect(elapsedMs(started)).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(manufacturing.received.length).toBe(heardByOthers);

    // A decision tells the current team's members, in a write of its own right behind it.
    started = process.hrtime.bigint();
    await cast.pm.ok(DECIDE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        optionId: issue.options[1]!.id,
        rationale: 'The machined bracket, for margin.',
      },
    });
    await waitUntil(() => latest() === 1, 1_000, 'B to show the DECIDED notification');
    expect(elapsedMs(started)).toBeLessThan(1_000);
    expect(await unread()).toBe(1);
    expect([engineering.errors, manufacturing.errors]).toEqual([[], []]);
  });

  it('sweeps on both instances at the same instant and escalates each breach once', async () => {
    const later = new Date(Date.parse(T0) + 40 * DAY_MS);
    const [onA, onB] = await Promise.all(
      [a, b].map((instance) => instance.running.app.get(TimelinessSweepService).sweep(later)),
    );
    const escalated = [...onA!.escalated, ...onB!.escalated];
    expect(escalated.length).toBeGreaterThan(0);
    expect(new Set(escalated).size).toBe(escalated.length);

    const events = await database.query<{ issue_id: string; before: string; after: string }>(
      `SELECT issue_id, before, after FROM events WHERE type = 'ISSUE_ESCALATED' AND at = ?`,
      [later.toISOString()],
    );
    const byPolicy = events.filter(
      (e) => (JSON.parse(e.after) as { source: string }).source === 'POLICY',
    );
    expect(byPolicy).toHaveLength(escalated.length);
    const breaches = byPolicy.map(
      (e) => `${e.issue_id} ${(JSON.parse(e.before) as { tier: string }).tier}`,
    );
    expect(new Set(breaches).size).toBe(breaches.length);
    const rows = await database.query<{ count: number }>(
      `SELECT count(*) AS count FROM escalations WHERE source = 'POLICY' AND escalated_at = ?`,
      [later.toISOString()],
    );
    expect(Number(rows[0]!.count)).toBe(escalated.length);

    // Both again at the same instant: nothing is left to escalate.
    const again = await Promise.all(
      [a, b].map((instance) => instance.running.app.get(TimelinessSweepService).sweep(later)),
    );
    expect(again.flatMap((outcome) => outcome.escalated)).toEqual([]);
    expect(await firstBrokenEvent(database)).toBeNull();
  });

  it('keeps taking writes with Redis down, reports live updates degraded, and recovers when it is back', async () => {
    const issue = await anIssueInReview(cast, clock.now().toISOString());
    const fromB = collect<Activity>(socketOn(b, cast.pm.sessionCookie), ACTIVITY, {
      issueKey: issue.key,
    });
    const onA = collect<Activity>(socketOn(a, cast.pm.sessionCookie), ACTIVITY, {
      issueKey: issue.key,
    });
    await whenHearing([fromB, onA], issue.key);
    expect((await a.health()).body).toEqual({ status: 'ok', problems: {} });

    await redis.kill();
    await eventually(
      async () => (await a.health()).body.status === 'degraded',
      5_000,
      "A's /health to say degraded",
    );
    const degraded = await a.health();
    expect(degraded.status).toBe(200);
    expect(degraded.body.problems.liveUpdates?.reason).toMatch(/Redis/);
    expect(degraded.body.problems.writes).toBeUndefined();

    // Writes are answered at once, and saved; A's own subscribers still hear A's changes.
    const heardOnA = onA.received.length;
    for (const body of ['Written while Redis is down.', 'And again.']) {
      const started = process.hrtime.bigint();
      await cast.test.ok(COMMENT, { input: { issueKey: issue.key, body } });
      expect(elapsedMs(started)).toBeLessThan(1_000);
    }
    const saved = await database.query<{ body: string }>(
      `SELECT c.body FROM comments c JOIN issues i ON i.id = c.issue_id WHERE i.key = ?`,
      [issue.key],
    );
    expect(saved.map((c) => c.body)).toEqual(
      expect.arrayContaining(['Written while Redis is down.', 'And again.']),
    );
    await waitUntil(
      () => onA.received.length === heardOnA + 2,
      1_000,
      "A's own subscriber to hear A's changes with Redis down",
    );

    await redis.restart();
    for (const instance of [a, b]) {
      await eventually(
        async () => (await instance.health()).body.status === 'ok',
        15_000,
        `${instance.name}'s /health to say ok again`,
      );
    }
    // The subscription B had before the outage hears A again (ioredis subscribed it anew).
    const heardOnB = fromB.received.length;
    await cast.test.ok(COMMENT, { input: { issueKey: issue.key, body: 'Redis is back.' } });
    await waitUntil(
      () => fromB.received.length === heardOnB + 1,
      1_000,
      'the subscription B had before the outage to hear A again',
    );
    expect(fromB.errors).toEqual([]);
    expect(await firstBrokenEvent(database)).toBeNull();
  });

  it('closes its Redis connections when it stops', async () => {
    const redisAdmin = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await redisAdmin.connect();
    const liveConnections = async () =>
      (String(await redisAdmin.call('CLIENT', 'LIST')).match(/name=ipt-live-/g) ?? []).length;
    try {
      expect(await liveConnections()).toBe(4);
      await b.stop();
      await eventually(async () => (await liveConnections()) === 2, 5_000, 'B to disconnect');
    } finally {
      redisAdmin.disconnect();
    }
  });
});
