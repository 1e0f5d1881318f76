import { EventEntity } from 'api/src/events/event.entity';
import { DatabaseService } from 'api/src/database/database.service';
import { IssueCommands } from 'api/src/issues/commands';
import { IssueEntity } from 'api/src/issues/issue.entity';
import { NotificationSweepService } from 'api/src/notifications/notification-sweep.service';
import { TestApp, startTestApp } from '../support/app';
import { DAY_MS, IssueBuilder, Person } from '../support/builders';
import { ApiClient } from '../support/client';

/**
 * The dashboard's overdue list names who holds each issue, a program manager nudges them, and
 * due-soon / overdue notifications resolve themselves once they no longer hold.
 */

const NUDGE = `
  mutation ($issueKey: String!) {
    nudge(issueKey: $issueKey) {
      issueKey
      nudged { name reason disciplineNames notified }
      alreadyNudged { name nextPossibleAt }
    }
  }
`;
const NOTIFICATIONS = `
  { notifications(first: 100) { unreadCount items { kind title message link readAt resolvedAt resolution } } }
`;
const OVERDUE = `
  query { timeliness(programKey: "HX") {
    overdueIssues { issueKey stage holders { name reason disciplineNames } }
  } }
`;

interface Notification {
  kind: string;
  title: string;
  message: string;
  link: string;
  readAt: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}
interface NudgeResult {
  issueKey: string;
  nudged: { name: string; reason: string; disciplineNames: string[]; notified: boolean }[];
  alreadyNudged: { name: string; nextPossibleAt: string }[];
}

const PEOPLE: readonly Person[] = ['pm', 'lead', 'engineering', 'test', 'logistics'];

describe('holders, nudges and notifications that stay true', () => {
  let app: TestApp;
  let build: IssueBuilder;
  let db: DatabaseService;
  let issues: IssueCommands;
  let sweeper: NotificationSweepService;
  const client = {} as Record<Person, ApiClient>;

  beforeAll(async () => {
    app = await startTestApp();
    build = await IssueBuilder.create(app);
    db = app.running.app.get(DatabaseService);
    issues = app.running.app.get(IssueCommands);
    sweeper = app.running.app.get(NotificationSweepService);
    for (const person of PEOPLE) client[person] = await app.as(`${person}@example.com`);
  });
  afterAll(() => app.stop());

  const settled = () => db.write({ actorId: null, at: app.clock.now() }, async () => undefined);

  async function about(who: Person, issue: { key: string }, kind?: string) {
    await settled();
    const { notifications } = await client[who].ok<{
      notifications: { unreadCount: number; items: Notification[] };
    }>(NOTIFICATIONS);
    return notifications.items.filter(
      (n) => n.link === `/issues/${issue.key}` && (kind === undefined || n.kind === kind),
    );
  }

  async function unread(who: Person): Promise<number> {
    await settled();
    const { notifications } = await client[who].ok<{ notifications: { unreadCount: number } }>(
      NOTIFICATIONS,
    );
    return notifications.unreadCount;
  }

  /** In review with engineering's recommendation given and test's owed, due in an hour. */
  async function owedByTest(title: string) {
    const issue = await build.inReview(title, ['engineering', 'test']);
    const recommended = await build.recommend(issue, 'engineering', 'A');
    return issues.update(build.caller('pm'), {
      issueKey: recommended.key,
      version: recommended.version,
      dueDates: { recommendations: new Date(app.clock.now().getTime() + 3_600_000) },
    });
  }

  describe('the overdue list names who holds each issue', () => {
    it('names the representatives whose recommendation is missing', async () => {
      const issue = await owedByTest('Holders: recommendation owed');
      app.clock.advance(2 * 3_600_000);
      const { timeliness } = await client.pm.ok<{
        timeliness: {
          overdueIssues: {
            issueKey: string;
            stage: string;
            holders: { name: string; reason: string; disciplineNames: string[] }[];
          }[];
        };
      }>(OVERDUE);
      const row = timeliness.overdueIssues.find((o) => o.issueKey === issue.key);
      expect(row).toMatchObject({ stage: 'RECOMMENDATIONS' });
      expect(row?.holders).toEqual([
        {
          name: build.user('test').name,
          reason: 'RECOMMENDATION',
          disciplineNames: ['Test & evaluation'],
        },
      ]);
    });
  });

  describe('nudge', () => {
    it('tells each holder, once a day, and records it on the issue’s timeline', async () => {
      const issue = await owedByTest('Nudge: once a day');
      const before = await unread('test');
      const { nudge } = await client.pm.ok<{ nudge: NudgeResult }>(NUDGE, { issueKey: issue.key });
      expect(nudge).toEqual({
        issueKey: issue.key,
        nudged: [
          {
            name: build.user('test').name,
            reason: 'RECOMMENDATION',
            disciplineNames: ['Test & evaluation'],
            notified: true,
          },
        ],
        alreadyNudged: [],
      });
      const [told] = await about('test', issue, 'NUDGED');
      expect(told).toMatchObject({
        title: `${build.user('pm').name} nudged you about ${issue.key}`,
        readAt: null,
      });
      expect(told!.message).toMatch(/waits on your Test & evaluation recommendation, due /);
      expect(await unread('test')).toBe(before + 1);
      // Engineering has given theirs: not nudged.
      expect(await about('engineering', issue, 'NUDGED')).toEqual([]);

      const again = await client.pm.fails(NUDGE, { issueKey: issue.key });
      expect(again.extensions.code).toBe('CONFLICT');
      expect(again.message).toMatch(
        new RegExp(
          `already nudged about ${issue.key} today — next possible at \\d+ \\w{3} 2026, 00:00 E[SD]T\\.$`,
        ),
      );

      const events = await db.reader.findBy(EventEntity, {
        issueId: issue.id,
        type: 'ISSUE_NUDGED',
      });
      expect(events).toHaveLength(1);
      expect(events[0]!.after).toMatchObject({ holderIds: [build.user('test').id] });

      // The next local day, once more.
      app.clock.advance(DAY_MS);
      await client.pm.ok(NUDGE, { issueKey: issue.key });
      expect(await about('test', issue, 'NUDGED')).toHaveLength(2);
    });

    it('is for program managers of the program only', async () => {
      const issue = await owedByTest('Nudge: who may');
      for (const who of ['engineering', 'lead'] as const) {
        const refused = await client[who].fails(NUDGE, { issueKey: issue.key });
        expect(refused.extensions.code).toBe('FORBIDDEN');
        expect(refused.message).toMatch(/Only a program manager/);
      }
      expect(await about('test', issue, 'NUDGED')).toEqual([]);
    });

    it('refuses an issue that has ended, and says who turned nudges off', async () => {
      const issue = await owedByTest('Nudge: ended');
      await client.test.ok(
        `mutation { setNotificationPreference(kind: NUDGED, enabled: false) { enabled } }`,
      );
      const { nudge } = await client.pm.ok<{ nudge: NudgeResult }>(NUDGE, { issueKey: issue.key });
      expect(nudge.nudged.map((h) => h.notified)).toEqual([false]);
      expect(await about('test', issue, 'NUDGED')).toEqual([]);
      await client.test.ok(
        `mutation { setNotificationPreference(kind: NUDGED, enabled: true) { enabled } }`,
      );

      const withdrawn = await issues.withdraw(build.caller('pm'), {
        issueKey: issue.key,
        version: issue.version,
        reason: 'No longer relevant.',
      });
      const refused = await client.pm.fails(NUDGE, { issueKey: withdrawn.key });
      expect(refused.extensions.code).toBe('ILLEGAL_TRANSITION');
      expect(refused.message).toBe(
        `${withdrawn.key} is withdrawn: it waits on nobody, so there is nobody to nudge.`,
      );
    });
  });

  describe('stale due notifications resolve themselves', () => {
    async function overdueFor(who: Person, issue: { key: string }) {
      await sweeper.sweep(app.clock.now());
      return about(who, issue, 'OVERDUE');
    }

    it('resolves an overdue recommendation once the issue is escalated', async () => {
      const issue = await owedByTest('Stale: escalated');
      app.clock.advance(2 * 3_600_000);
      expect(await overdueFor('test', issue)).toMatchObject([{ resolvedAt: null, readAt: null }]);
      await issues.escalate(build.caller('pm'), {
        issueKey: issue.key,
        version: (await db.reader.findOneByOrFail(IssueEntity, { id: issue.id })).version,
        reason: 'Needs the IIPT.',
      });
      const [resolved] = await overdueFor('test', issue);
      expect(resolved!.resolvedAt).toBe(app.clock.now().toISOString());
      expect(resolved!.readAt).toBe(app.clock.now().toISOString());
      expect(resolved!.resolution).toMatch(
        new RegExp(`^No longer needed: ${issue.key} was escalated to .+\\.$`),
      );
    });

    it('resolves an overdue recommendation once it is re-dated, and tells the new date', async () => {
      const issue = await owedByTest('Stale: re-dated');
      app.clock.advance(2 * 3_600_000);
      await overdueFor('test', issue);
      const current = await db.reader.findOneByOrFail(IssueEntity, { id: issue.id });
      await issues.update(build.caller('pm'), {
        issueKey: issue.key,
        version: current.version,
        dueDates: { recommendations: new Date(app.clock.now().getTime() + 5 * DAY_MS) },
      });
      const [resolved] = await overdueFor('test', issue);
      expect(resolved!.resolution).toMatch(/^No longer needed: it is now due \d+ \w{3} 2026, /);
    });

    it('resolves an overdue decision once it is decided', async () => {
      const ready = await build.awaitingDecision('Stale: decided', { test: 'A' });
      const dated = await issues.update(build.caller('pm'), {
        issueKey: ready.key,
        version: ready.version,
        dueDates: {
          recommendations: new Date(app.clock.now().getTime() + 1_800_000),
          decision: new Date(app.clock.now().getTime() + 3_600_000),
        },
      });
      app.clock.advance(2 * 3_600_000);
      // pm has decision authority on the hardware WIPT.
      expect(await overdueFor('pm', dated)).toHaveLength(1);
      await build.decide(dated, 'A');
      const [resolved] = await overdueFor('pm', dated);
      expect(resolved!.resolution).toBe(`No longer needed: ${dated.key} was decided.`);
    });
  });
});
