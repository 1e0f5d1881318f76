import { randomUUID } from 'node:crypto';
import { EscalationSource } from '@ipt/domain';
import { DatabaseService } from 'api/src/database/database.service';
import { EscalationEntity } from 'api/src/issues/escalation.entity';
import { IssueEntity } from 'api/src/issues/issue.entity';
import { IssueCommands } from 'api/src/issues/commands';
import { NotificationSweepService } from 'api/src/notifications/notification-sweep.service';
import { TeamEntity } from 'api/src/programs/team.entity';
import { PROGRAM, UPDATE_PROGRAM } from '../support/administration';
import { TestApp, startTestApp } from '../support/app';
import { DAY_MS, IssueBuilder, Person } from '../support/builders';
import { ApiClient } from '../support/client';
import { collect, liveClient, waitFor } from '../support/live';

/** In-app notifications: who is told what, when, and never twice. */

const NOTIFICATIONS = `
  query ($first: Int, $unreadOnly: Boolean) {
    notifications(first: $first, unreadOnly: $unreadOnly) {
      unreadCount
      items { id kind title message link createdAt timeZone readAt }
    }
  }
`;
const MARK_READ = `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const PREFERENCES = `{ notificationPreferences { kind enabled } }`;
const SET_PREFERENCE = `
  mutation ($kind: NotificationKind!, $enabled: Boolean!) {
    setNotificationPreference(kind: $kind, enabled: $enabled) { kind enabled }
  }
`;
const CHANGED = `subscription { notificationsChanged { unreadCount } }`;

interface Notification {
  id: string;
  kind: string;
  title: string;
  message: string;
  link: string;
  createdAt: string;
  timeZone: string;
  readAt: string | null;
}

interface Page {
  unreadCount: number;
  items: Notification[];
}

const PEOPLE: readonly Person[] = [
  'pm',
  'lead',
  'engineering',
  'test',
  'manufacturing',
  'logistics',
  'cost',
  'contracting',
];

describe('notifications', () => {
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

  /**
   * Waits for the notifications derived from every change made so far: they are written in a
   * write queued right behind each change, so an empty write queued now runs after all of them.
   */
  const settled = () => db.write({ actorId: null, at: app.clock.now() }, async () => undefined);

  async function page(who: Person, variables: Record<string, unknown> = {}): Promise<Page> {
    await settled();
    return (
      await client[who].ok<{ notifications: Page }>(NOTIFICATIONS, { first: 100, ...variables })
    ).notifications;
  }

  /** The person's notifications about one issue, oldest first. */
  async function about(who: Person, issue: { key: string }): Promise<Notification[]> {
    const { items } = await page(who);
    return items.filter((n) => n.link === `/issues/${issue.key}`).reverse();
  }

  async function kindsAbout(who: Person, issue: { key: string }): Promise<string[]> {
    return (await about(who, issue)).map((n) => n.kind);
  }

  /** Who (of the demo cast) has a notification of this kind about the issue. */
  async function told(kind: string, issue: { key: string }): Promise<Person[]> {
    const told: Person[] = [];
    for (const person of PEOPLE) {
      if ((await kindsAbout(person, issue)).includes(kind)) told.push(person);
    }
    return told;
  }

  describe('ASSIGNED', () => {
    it('tells the new owner at triage and on a change of owner, not the one who made them owner', async () => {
      const raised = await build.raise('Notify: owner', { by: 'test', team: 'hardware' });
      const triaged = await build.triage(raised, { disciplines: ['test'], owner: 'engineering' });

      expect(await told('ASSIGNED', triaged)).toEqual(['engineering']);
      const [assigned] = await about('engineering', triaged);
      expect(assigned).toMatchObject({
        kind: 'ASSIGNED',
        title: `You are now the owner of ${triaged.key}`,
        message: '“Notify: owner”: made yours by Pat Morgan.',
        link: `/issues/${triaged.key}`,
        createdAt: app.clock.now().toISOString(),
        // The program's zone, in which the web writes its time.
        timeZone: 'America/New_York',
        readAt: null,
      });

      // A change that leaves the owner alone tells nobody again.
      const retitled = await issues.update(build.caller('pm'), {
        issueKey: triaged.key,
        version: triaged.version,
        title: 'Notify: owner, retitled',
      });
      await issues.update(build.caller('pm'), {
        issueKey: retitled.key,
        version: retitled.version,
        ownerId: build.user('manufacturing').id,
      });
      expect(await told('ASSIGNED', triaged)).toEqual(['engineering', 'manufacturing']);
      expect(
        (await kindsAbout('engineering', triaged)).filter((k) => k === 'ASSIGNED'),
      ).toHaveLength(1);
    });

    it('tells the assignee of a decision’s action item, but not when they decided it themselves', async () => {
      const ready = await build.awaitingDecision('Notify: action item', { engineering: 'A' });
      const decided = await build.decide(ready, 'A', { actionItemFor: 'manufacturing' });
      const assigned = (await about('manufacturing', decided)).filter((n) => n.kind === 'ASSIGNED');
      expect(assigned).toHaveLength(1);
      expect(assigned[0]!.title).toBe(`${decided.key}: an action item is assigned to you`);
      expect(assigned[0]!.message).toMatch(/^“Carry out option A”, due 16 Mar 2026, 10:00 EDT\.$/);

      const own = await build.awaitingDecision('Notify: own action item', { engineering: 'A' });
      await build.decide(own, 'A', { actionItemFor: 'pm' });
      expect(await kindsAbout('pm', own)).not.toContain('ASSIGNED');
    });
  });

  describe('AWAITING_MY_DISCIPLINE', () => {
    it('tells the representatives of each pending discipline on the issue’s team, once', async () => {
      const raised = await build.raise('Notify: awaiting', { by: 'pm', team: 'hardware' });
      const triaged = await build.triage(raised, { disciplines: ['engineering', 'test'] });

      // manufacturing is on the team for another discipline; cost represents its own elsewhere.
      expect(await told('AWAITING_MY_DISCIPLINE', triaged)).toEqual(['engineering', 'test']);
      const [waiting] = (await about('engineering', triaged)).filter(
        (n) => n.kind === 'AWAITING_MY_DISCIPLINE',
      );
      expect(waiting!.title).toBe(
        `${triaged.key} is waiting on your Systems engineering recommendation`,
      );
      expect(waiting!.message).toBe(
        '“Notify: awaiting” on Radio Hardware WIPT, due 7 Mar 2026, 09:00 EST.',
      );

      // Engineering recommends; then the PM adds manufacturing: only manufacturing is new.
      const withOptions = await build.addOptions(triaged, 2, 'pm');
      const recommended = await build.recommend(withOptions, 'engineering', 'A');
      await issues.update(build.caller('pm'), {
        issueKey: recommended.key,
        version: recommended.version,
        requiredDisciplines: ['engineering', 'test', 'manufacturing'],
      });
      expect(await told('AWAITING_MY_DISCIPLINE', triaged)).toEqual([
        'engineering',
        'test',
        'manufacturing',
      ]);
      for (const person of ['engineering', 'test', 'manufacturing'] as const) {
        const kinds = await kindsAbout(person, triaged);
        expect(kinds.filter((k) => k === 'AWAITING_MY_DISCIPLINE')).toHaveLength(1);
      }
    });

    it('does not tell the actor, even when they represent the discipline', async () => {
      // pm is on the hardware WIPT for program-management.
      const raised = await build.raise('Notify: awaiting self', { by: 'pm', team: 'hardware' });
      const triaged = await build.triage(raised, {
        disciplines: ['program-management', 'engineering'],
      });
      expect(await told('AWAITING_MY_DISCIPLINE', triaged)).toEqual(['engineering']);
    });
  });

  describe('DECIDED', () => {
    it('tells every member of the deciding team but the decider, and nobody outside it', async () => {
      const ready = await build.awaitingDecision('Notify: decided', {
        engineering: 'A',
        test: 'B',
      });
      const decided = await build.decide(ready, 'A');
      // Hardware WIPT: pm (the decider), engineering, test, manufacturing, logistics, security.
      expect(await told('DECIDED', decided)).toEqual([
        'engineering',
        'test',
        'manufacturing',
        'logistics',
      ]);
      const [note] = (await about('test', decided)).filter((n) => n.kind === 'DECIDED');
      expect(note).toMatchObject({
        title: `${decided.key} was decided: option A`,
        message:
          '“Notify: decided”: A – Course of action 1, decided on Radio Hardware WIPT by Pat Morgan.',
      });
    });
  });

  describe('ESCALATED', () => {
    it('tells the members of the team it leaves and of the team it reaches, not the one escalating', async () => {
      const inReview = await build.inReview('Notify: escalated', ['engineering', 'cost']);
      await issues.escalate(build.caller('pm'), {
        issueKey: inReview.key,
        version: inReview.version,
        reason: 'Needs funding across WIPTs.',
      });
      // Hardware WIPT and the IIPT; lead sits on the OIPT only, pm escalated it.
      expect(await told('ESCALATED', inReview)).toEqual([
        'engineering',
        'test',
        'manufacturing',
        'logistics',
        'cost',
        'contracting',
      ]);
      const [note] = (await about('cost', inReview)).filter((n) => n.kind === 'ESCALATED');
      expect(note).toMatchObject({
        title: `${inReview.key} was escalated to HX Integrating IPT`,
        message:
          '“Notify: escalated”: from Radio Hardware WIPT (Working-level IPT) to HX Integrating IPT (Integrating IPT) by Pat Morgan. Needs funding across WIPTs.',
      });
      // On the IIPT, cost now owes its recommendation there too (it did not on the hardware WIPT).
      expect(await kindsAbout('cost', inReview)).toContain('AWAITING_MY_DISCIPLINE');
    });

    it('tells both teams, the actor included, when the timeliness policy escalates', async () => {
      const inReview = await build.inReview('Notify: escalated by policy', ['test']);
      const [from, to] = await Promise.all([
        db.reader.findOneByOrFail(TeamEntity, { id: inReview.currentTeamId }),
        db.reader.findOneByOrFail(TeamEntity, { id: build.team('iipt').id }),
      ]);
      // What a policy escalation commits: the escalation, the issue moved, an event by nobody.
      await db.write({ actorId: null, at: app.clock.now() }, async (tx) => {
        const escalation = {
          id: randomUUID(),
          issueId: inReview.id,
          fromTeamId: from.id,
          toTeamId: to.id,
          fromTier: from.tier,
          toTier: to.tier,
          reason: 'Recommendations overdue by 3 days.',
          source: EscalationSource.POLICY,
          escalatedById: null,
          escalatedAt: tx.at,
        };
        await tx.manager.insert(EscalationEntity, escalation);
        await tx.manager.update(
          IssueEntity,
          { id: inReview.id },
          { currentTeamId: to.id, currentTier: to.tier, version: inReview.version + 1 },
        );
        await tx.record({
          type: 'ISSUE_ESCALATED',
          entityType: 'Escalation',
          entityId: escalation.id,
          programId: inReview.programId,
          issueId: inReview.id,
          after: { source: 'POLICY', version: inReview.version + 1 },
        });
      });
      const escalatedTo = await told('ESCALATED', inReview);
      expect(escalatedTo).toEqual(expect.arrayContaining(['pm', 'engineering', 'test', 'cost']));
      expect(escalatedTo).not.toContain('lead');
      const [note] = (await about('pm', inReview)).filter((n) => n.kind === 'ESCALATED');
      expect(note!.message).toContain(
        'by the program’s timeliness policy. Recommendations overdue',
      );
    });
  });

  describe('preferences', () => {
    it('lists every kind, on until turned off', async () => {
      const { notificationPreferences } = await client.logistics.ok<{
        notificationPreferences: { kind: string; enabled: boolean }[];
      }>(PREFERENCES);
      expect(notificationPreferences).toEqual([
        { kind: 'ASSIGNED', enabled: true },
        { kind: 'AWAITING_MY_DISCIPLINE', enabled: true },
        { kind: 'DUE_SOON', enabled: true },
        { kind: 'OVERDUE', enabled: true },
        { kind: 'DECIDED', enabled: true },
        { kind: 'ESCALATED', enabled: true },
        { kind: 'NUDGED', enabled: true },
      ]);
    });

    it('creates nothing of a kind the person turned off, and again once turned back on', async () => {
      const off = await client.engineering.ok<{ setNotificationPreference: unknown }>(
        SET_PREFERENCE,
        { kind: 'AWAITING_MY_DISCIPLINE', enabled: false },
      );
      expect(off.setNotificationPreference).toEqual({
        kind: 'AWAITING_MY_DISCIPLINE',
        enabled: false,
      });
      const quiet = await build.triage(await build.raise('Notify: turned off', { by: 'pm' }), {
        disciplines: ['engineering', 'test'],
      });
      expect(await told('AWAITING_MY_DISCIPLINE', quiet)).toEqual(['test']);
      const { notificationPreferences } = await client.engineering.ok<{
        notificationPreferences: { kind: string; enabled: boolean }[];
      }>(PREFERENCES);
      expect(notificationPreferences).toContainEqual({
        kind: 'AWAITING_MY_DISCIPLINE',
        enabled: false,
      });

      await client.engineering.ok(SET_PREFERENCE, {
        kind: 'AWAITING_MY_DISCIPLINE',
        enabled: true,
      });
      const heard = await build.triage(await build.raise('Notify: turned on', { by: 'pm' }), {
        disciplines: ['engineering'],
      });
      expect(await told('AWAITING_MY_DISCIPLINE', heard)).toEqual(['engineering']);
    });

    it('refuses a kind that does not exist', async () => {
      const error = await client.engineering.fails(SET_PREFERENCE, {
        kind: 'CARRIER_PIGEON',
        enabled: false,
      });
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('reading', () => {
    it('counts the unread, lists newest first, and marks read those named or all', async () => {
      const before = await page('test');
      expect(before.unreadCount).toBeGreaterThan(2);
      expect(before.items.map((n) => n.createdAt)).toEqual(
        [...before.items.map((n) => n.createdAt)].sort().reverse(),
      );
      const [newest, second] = before.items;

      const marked = await client.test.ok<{ markNotificationsRead: number }>(MARK_READ, {
        ids: [newest!.id, second!.id],
      });
      expect(marked.markNotificationsRead).toBe(2);
      const after = await page('test');
      expect(after.unreadCount).toBe(before.unreadCount - 2);
      expect(after.items[0]).toMatchObject({
        id: newest!.id,
        readAt: app.clock.now().toISOString(),
      });
      const unread = await page('test', { unreadOnly: true });
      expect(unread.items.map((n) => n.id)).not.toContain(newest!.id);
      expect(unread.items.every((n) => n.readAt === null)).toBe(true);

      // Marking again changes nothing; the count alone costs no list.
      expect(
        (await client.test.ok<{ markNotificationsRead: number }>(MARK_READ, { ids: [newest!.id] }))
          .markNotificationsRead,
      ).toBe(0);
      expect(await page('test', { first: 0 })).toEqual({
        unreadCount: after.unreadCount,
        items: [],
      });

      const all = await client.test.ok<{ markNotificationsRead: number }>(MARK_READ, {});
      expect(all.markNotificationsRead).toBe(after.unreadCount);
      expect((await page('test')).unreadCount).toBe(0);
    });

    it('keeps each person’s notifications their own', async () => {
      const [theirs] = (await page('engineering')).items;
      const error = await client.test.fails(MARK_READ, { ids: [theirs!.id] });
      expect(error.extensions.code).toBe('NOT_FOUND');
      expect((await page('engineering')).items[0]!.readAt).toBeNull();
      expect((await app.client().fails(NOTIFICATIONS)).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a page size out of bounds', async () => {
      const error = await client.test.fails(NOTIFICATIONS, { first: 1000 });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it('sends the unread count live to its owner only, on new and on read notifications', async () => {
      const socket = liveClient(app.url, { cookie: client.contracting.sessionCookie });
      const other = liveClient(app.url, { cookie: client.lead.sessionCookie });
      const mine = collect<{ notificationsChanged: { unreadCount: number } }>(socket, CHANGED);
      const theirs = collect<{ notificationsChanged: { unreadCount: number } }>(other, CHANGED);
      try {
        // Let both subscriptions start before anything changes.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const before = (await page('contracting')).unreadCount;
        // Contracting sits on the sustainment WIPT.
        await build.triage(await build.raise('Notify: live', { by: 'pm', team: 'sustainment' }), {
          disciplines: ['contracting'],
        });
        await waitFor(() => mine.received.length > 0);
        expect(mine.received.at(-1)).toEqual({
          notificationsChanged: { unreadCount: before + 1 },
        });

        await client.contracting.ok(MARK_READ, {});
        await waitFor(() => mine.received.at(-1)?.notificationsChanged.unreadCount === 0);
        expect(mine.errors).toEqual([]);
        expect(theirs.received).toEqual([]);
      } finally {
        mine.stop();
        theirs.stop();
        await socket.dispose();
        await other.dispose();
      }
    });
  });

  describe('DUE_SOON and OVERDUE, by the sweep', () => {
    /** 21:00 on 3 March in New York: tomorrow there at T0 (09:00, 2 March), the day after in UTC. */
    const DUE = new Date('2026-03-04T02:00:00.000Z');

    async function setZone(timeZone: string): Promise<void> {
      const { program } = await client.pm.ok<{ program: { version: number } }>(PROGRAM, {
        key: 'HX',
      });
      await client.pm.ok(UPDATE_PROGRAM, {
        input: { programKey: 'HX', version: program.version, timeZone },
      });
    }

    it('tells of a recommendation due before the end of the next day in the program’s zone', async () => {
      const raised = await build.raise('Notify: due soon', { by: 'pm', team: 'sustainment' });
      const triaged = await issues.triage(build.caller('pm'), {
        issueKey: raised.key,
        version: raised.version,
        ownerId: build.user('pm').id,
        consequence: 3,
        requiredDisciplines: ['logistics'],
        dueDates: {
          recommendations: DUE,
          decision: new Date(DUE.getTime() + 2 * DAY_MS),
          resolution: new Date(DUE.getTime() + 20 * DAY_MS),
        },
      });

      // In UTC the due date is the day after tomorrow: nothing yet.
      await setZone('UTC');
      await sweeper.sweep(app.clock.now());
      expect(await kindsAbout('logistics', triaged)).toEqual(['AWAITING_MY_DISCIPLINE']);

      // In the program's own zone (New York) it is due tomorrow.
      await setZone('America/New_York');
      expect(await sweeper.sweep(app.clock.now())).toBeGreaterThan(0);
      expect(await told('DUE_SOON', triaged)).toEqual(['logistics']);
      const [soon] = (await about('logistics', triaged)).filter((n) => n.kind === 'DUE_SOON');
      expect(soon).toMatchObject({
        title: `Your Logistics / product support recommendation on ${triaged.key} is due soon`,
        message: '“Notify: due soon” is due 3 Mar 2026, 21:00 EST.',
        createdAt: app.clock.now().toISOString(),
      });

      // A second sweep adds nothing.
      const count = (await page('logistics')).unreadCount;
      expect(await sweeper.sweep(app.clock.now())).toBe(0);
      expect((await page('logistics')).unreadCount).toBe(count);

      // Once past due: OVERDUE, once.
      app.clock.set(new Date(DUE.getTime() + 1));
      await sweeper.sweep(app.clock.now());
      await sweeper.sweep(app.clock.now());
      expect((await kindsAbout('logistics', triaged)).sort()).toEqual([
        'AWAITING_MY_DISCIPLINE',
        'DUE_SOON',
        'OVERDUE',
      ]);
      expect(await told('OVERDUE', triaged)).toEqual(['logistics']);
    });

    it('tells the decision authority of a decision due soon, and the assignee of an action item overdue', async () => {
      const ready = await build.awaitingDecision('Notify: decision due', { test: 'A' });
      const dueSoon = await issues.update(build.caller('pm'), {
        issueKey: ready.key,
        version: ready.version,
        dueDates: {
          recommendations: new Date(app.clock.now().getTime() + 1_800_000),
          decision: new Date(app.clock.now().getTime() + 3_600_000),
        },
      });
      await sweeper.sweep(app.clock.now());
      // pm has decision authority on the hardware WIPT; the representatives do not.
      expect(await told('DUE_SOON', dueSoon)).toEqual(['pm']);
      const [note] = (await about('pm', dueSoon)).filter((n) => n.kind === 'DUE_SOON');
      expect(note!.title).toBe(`Your decision on ${dueSoon.key} is due soon`);

      const decided = await issues.recordDecision(build.caller('pm'), {
        issueKey: dueSoon.key,
        version: dueSoon.version,
        optionId: await build.optionId(dueSoon, 'A'),
        rationale: 'A it is.',
        actionItems: [
          {
            title: 'Order the long-lead parts',
            assigneeId: build.user('test').id,
            dueAt: new Date(app.clock.now().getTime() + 2 * 3_600_000),
          },
        ],
      });
      app.clock.advance(3 * 3_600_000);
      await sweeper.sweep(app.clock.now());
      const overdue = (await about('test', decided)).filter((n) => n.kind === 'OVERDUE');
      expect(overdue).toHaveLength(1);
      expect(overdue[0]!.title).toBe(`Your action item on ${decided.key} is overdue`);
      // The decision itself is no longer anyone's to make.
      expect(await told('OVERDUE', decided)).toEqual(['test']);
    });

    it('tells again when a due date moves, and not of what someone turned off', async () => {
      await client.logistics.ok(SET_PREFERENCE, { kind: 'DUE_SOON', enabled: false });
      const issue = await build.inReview('Notify: moving due date', ['logistics', 'test'], {
        team: 'sustainment',
      });
      const soon = async (hours: number, version: number) =>
        issues.update(build.caller('pm'), {
          issueKey: issue.key,
          version,
          dueDates: { recommendations: new Date(app.clock.now().getTime() + hours * 3_600_000) },
        });
      const first = await soon(2, issue.version);
      await sweeper.sweep(app.clock.now());
      await soon(4, first.version);
      await sweeper.sweep(app.clock.now());
      expect((await kindsAbout('test', issue)).filter((k) => k === 'DUE_SOON')).toHaveLength(2);
      expect(await kindsAbout('logistics', issue)).not.toContain('DUE_SOON');
    });
  });
});
