import type { DemoStep } from 'api/src/demo/demo-stories';
import { scheduleDemo } from 'api/src/demo/demo.service';
import { T0, TestApp, startTestApp } from '../support/app';

/**
 * The demo program is what people see first, so it must look like a real program office's month.
 * These are its promises, read back through the API as the program manager sees them.
 */

const DEMO_ISSUES = `{
  issues(first: 30) {
    totalCount
    edges {
      node {
        key status tier title conditionStatement
        raisedAt triagedAt readyAt decidedAt resolvedAt closedAt withdrawnAt
        currentStage currentStageDueAt
        recommendations { discipline alternatives submittedAt superseded option { label } }
        waivers { discipline reason waivedAt }
        decisions {
          id tier decidedAt supersededAt superseded dissentingDisciplines
          decidedBy { email }
          nonConcurrences { id filedAt reviewTeam { tier } }
        }
        escalations { fromTier toTier escalatedAt }
        actionItems { title doneAt dueAt }
        comments { body createdAt }
        timeline { seq type at }
      }
    }
  }
}`;

interface DemoIssue {
  key: string;
  status: string;
  tier: string;
  title: string;
  conditionStatement: string;
  raisedAt: string;
  triagedAt: string | null;
  readyAt: string | null;
  decidedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  withdrawnAt: string | null;
  currentStage: string | null;
  currentStageDueAt: string | null;
  recommendations: {
    discipline: string;
    alternatives: string;
    submittedAt: string;
    superseded: boolean;
    option: { label: string };
  }[];
  waivers: { discipline: string; reason: string; waivedAt: string }[];
  decisions: {
    id: string;
    tier: string;
    decidedAt: string;
    supersededAt: string | null;
    superseded: boolean;
    dissentingDisciplines: string[];
    decidedBy: { email: string };
    nonConcurrences: { id: string; filedAt: string; reviewTeam: { tier: string } | null }[];
  }[];
  escalations: { fromTier: string; toTier: string; escalatedAt: string }[];
  actionItems: { title: string; doneAt: string | null; dueAt: string }[];
  comments: { body: string; createdAt: string }[];
  timeline: { seq: number; type: string; at: string }[];
}

const STATUSES = [
  'OPEN',
  'IN_REVIEW',
  'AWAITING_DECISION',
  'DECIDED',
  'RESOLVED',
  'CLOSED',
  'WITHDRAWN',
];

const ms = (instant: string) => Date.parse(instant);

describe('the demo program', () => {
  let app: TestApp;
  let issues: DemoIssue[];
  let now: number;

  beforeAll(async () => {
    app = await startTestApp();
    now = app.clock.now().getTime();
    const pm = app.client();
    await pm.login('pm@example.com', 'ipt-demo-pass');
    const data = await pm.ok<{ issues: { totalCount: number; edges: { node: DemoIssue }[] } }>(
      DEMO_ISSUES,
    );
    expect(data.issues.edges).toHaveLength(data.issues.totalCount);
    issues = data.issues.edges.map((edge) => edge.node);
  });
  afterAll(() => app.stop());

  const withStatus = (status: string) => issues.filter((issue) => issue.status === status);
  const decisions = () => issues.flatMap((issue) => issue.decisions);

  it('loads at the test clock’s instant', () => {
    expect(now).toBe(ms(T0));
  });

  it('has at least 20 believable issues in every status, several in the busy ones', () => {
    expect(issues.length).toBeGreaterThanOrEqual(20);
    for (const status of STATUSES) expect(withStatus(status).length).toBeGreaterThan(0);
    for (const status of ['IN_REVIEW', 'AWAITING_DECISION', 'DECIDED']) {
      expect(withStatus(status).length).toBeGreaterThanOrEqual(3);
    }
    for (const issue of issues) {
      expect(issue.title.length).toBeGreaterThan(20);
      expect(issue.conditionStatement.length).toBeGreaterThan(80);
    }
    expect(new Set(issues.map((issue) => issue.title)).size).toBe(issues.length);
  });

  it('numbers issues in the order they were raised', () => {
    const byNumber = [...issues].sort(
      (a, b) => Number(a.key.split('-')[1]) - Number(b.key.split('-')[1]),
    );
    const raised = byNumber.map((issue) => ms(issue.raisedAt));
    expect(raised).toEqual([...raised].sort((a, b) => a - b));
  });

  it('gathers recommendations with rationale and alternatives from several disciplines', () => {
    const recommendations = issues.flatMap((issue) => issue.recommendations);
    const disciplines = new Set(recommendations.map((r) => r.discipline));
    expect(disciplines.size).toBeGreaterThanOrEqual(7);
    expect(recommendations.filter((r) => r.alternatives !== '').length).toBeGreaterThanOrEqual(3);
    // A recommendation re-made at a higher tier supersedes the earlier one.
    expect(recommendations.some((r) => r.superseded)).toBe(true);
  });

  it('records at least five decisions, with dissent, one superseded and non-concurrences', () => {
    expect(decisions().length).toBeGreaterThanOrEqual(5);
    expect(decisions().filter((d) => d.dissentingDisciplines.length > 0).length).toBeGreaterThan(1);

    const superseded = issues.filter((issue) => issue.decisions.some((d) => d.superseded));
    expect(superseded.length).toBeGreaterThan(0);
    for (const issue of superseded) {
      // Exactly one decision stays in force, and the issue was decided again after the first.
      expect(issue.decisions.filter((d) => !d.superseded)).toHaveLength(1);
      expect(issue.timeline.map((e) => e.type)).toContain('DECISION_SUPERSEDED');
    }

    const withNonConcurrence = decisions().filter((d) => d.nonConcurrences.length > 0);
    expect(withNonConcurrence.length).toBeGreaterThan(0);
    // A non-concurrence on a WIPT decision goes to the IIPT for review.
    expect(
      withNonConcurrence.some(
        (d) => d.tier === 'WIPT' && d.nonConcurrences[0]?.reviewTeam?.tier === 'IIPT',
      ),
    ).toBe(true);
  });

  it('records waivers with their reasons', () => {
    const waived = issues.filter((issue) => issue.waivers.length > 0);
    expect(waived.length).toBeGreaterThanOrEqual(2);
    for (const waiver of waived.flatMap((issue) => issue.waivers)) {
      expect(waiver.reason).not.toBe('');
    }
  });

  it('escalates up the ladder, WIPT to IIPT and on to the OIPT, where the PEO decides', () => {
    const escalations = issues.flatMap((issue) => issue.escalations);
    expect(escalations).toContainEqual(
      expect.objectContaining({ fromTier: 'WIPT', toTier: 'IIPT' }),
    );
    expect(escalations).toContainEqual(
      expect.objectContaining({ fromTier: 'IIPT', toTier: 'OIPT' }),
    );

    const climbed = issues.filter(
      (issue) =>
        [...issue.escalations]
          .sort((a, b) => ms(a.escalatedAt) - ms(b.escalatedAt))
          .map((e) => e.toTier)
          .join() === 'IIPT,OIPT' && issue.decisions.some((d) => d.tier === 'OIPT'),
    );
    expect(climbed.length).toBeGreaterThan(0);
    for (const decision of climbed.flatMap((issue) => issue.decisions)) {
      expect(decision.decidedBy.email).toBe('lead@example.com');
    }
    // An issue decided at the IIPT, and one waiting at the OIPT for the PEO.
    expect(decisions().some((d) => d.tier === 'IIPT')).toBe(true);
    expect(
      issues.some((issue) => issue.status === 'AWAITING_DECISION' && issue.tier === 'OIPT'),
    ).toBe(true);
    expect(issues.some((issue) => issue.status === 'IN_REVIEW' && issue.tier === 'IIPT')).toBe(
      true,
    );
  });

  it('has action items done and open, one of them overdue, and comments on several issues', () => {
    const items = issues.flatMap((issue) => issue.actionItems);
    expect(items.filter((item) => item.doneAt !== null).length).toBeGreaterThanOrEqual(3);
    const open = items.filter((item) => item.doneAt === null);
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(open.some((item) => ms(item.dueAt) < now)).toBe(true);
    // An action item finished after its due date, too.
    expect(items.some((item) => item.doneAt !== null && ms(item.doneAt) > ms(item.dueAt))).toBe(
      true,
    );

    expect(issues.filter((issue) => issue.comments.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('has work overdue as of loading at every running stage', () => {
    const overdue = issues.filter(
      (issue) => issue.currentStageDueAt !== null && ms(issue.currentStageDueAt) < now,
    );
    expect(new Set(overdue.map((issue) => issue.currentStage))).toEqual(
      new Set(['TRIAGE', 'RECOMMENDATIONS', 'DECISION', 'RESOLUTION']),
    );
    // ... and work that is not overdue yet.
    expect(
      issues.some((issue) => issue.currentStageDueAt !== null && ms(issue.currentStageDueAt) > now),
    ).toBe(true);
  });

  it('leaves each representative a few unread notifications, what came since yesterday', async () => {
    const REPRESENTATIVES = [
      'engineering',
      'test',
      'logistics',
      'contracting',
      'cost',
      'manufacturing',
      'security',
      'safety',
      'requirements',
    ];
    const NOTIFICATIONS = `{ notifications(first: 100) { unreadCount items { kind readAt createdAt } } }`;
    let repsWithDueWork = 0;
    for (const rep of REPRESENTATIVES) {
      const client = app.client();
      await client.login(`${rep}@example.com`, 'ipt-demo-pass');
      const { notifications } = await client.ok<{
        notifications: {
          unreadCount: number;
          items: { kind: string; readAt: string | null; createdAt: string }[];
        };
      }>(NOTIFICATIONS);
      const context = `${rep}: ${JSON.stringify(notifications.items.filter((n) => !n.readAt))}`;
      // A realistic inbox: a handful new, the rest read as they came.
      expect([rep, notifications.unreadCount <= 5]).toEqual([rep, true]);
      const due = notifications.items.filter((n) => n.kind === 'OVERDUE' || n.kind === 'DUE_SOON');
      // Whoever has work due hears of something new: what became overdue or falls due soon.
      if (due.length > 0) {
        repsWithDueWork++;
        expect([context, notifications.unreadCount > 0]).toEqual([context, true]);
      }
      // What was read, was read when it came, never before.
      for (const n of notifications.items.filter((item) => item.readAt !== null))
        expect(ms(n.readAt as string)).toBeGreaterThanOrEqual(ms(n.createdAt));
    }
    // The demo has representatives with work due.
    expect(repsWithDueWork).toBeGreaterThan(0);
  });

  it('dates every past event on or before the moment of loading, in lifecycle order', () => {
    for (const issue of issues) {
      const instants = [
        issue.raisedAt,
        issue.triagedAt,
        issue.readyAt,
        issue.decidedAt,
        issue.resolvedAt,
        issue.closedAt,
        issue.withdrawnAt,
        ...issue.recommendations.map((r) => r.submittedAt),
        ...issue.waivers.map((w) => w.waivedAt),
        ...issue.decisions.flatMap((d) => [
          d.decidedAt,
          d.supersededAt,
          ...d.nonConcurrences.map((n) => n.filedAt),
        ]),
        ...issue.escalations.map((e) => e.escalatedAt),
        ...issue.actionItems.map((a) => a.doneAt),
        ...issue.comments.map((c) => c.createdAt),
        ...issue.timeline.map((e) => e.at),
      ].filter((instant): instant is string => instant !== null);
      for (const instant of instants) {
        expect({ key: issue.key, instant, after: ms(instant) > now }).toEqual({
          key: issue.key,
          instant,
          after: false,
        });
      }

      const lifecycle = [
        issue.raisedAt,
        issue.triagedAt,
        issue.readyAt,
        issue.decidedAt,
        issue.resolvedAt,
        issue.closedAt ?? issue.withdrawnAt,
      ]
        .filter((instant): instant is string => instant !== null)
        .map(ms);
      expect(lifecycle).toEqual([...lifecycle].sort((a, b) => a - b));

      // The history reads in time order: each change after the one before it.
      const history = [...issue.timeline].sort((a, b) => a.seq - b.seq).map((e) => ms(e.at));
      expect(history).toEqual([...history].sort((a, b) => a - b));
      expect(issue.timeline[0]?.type).toBe('ISSUE_RAISED');
    }
  });
});

describe('the demo schedule', () => {
  const now = new Date(T0);
  const raise = (day: number, title: string): DemoStep => ({
    kind: 'raise',
    day,
    by: 'pm@example.com',
    team: 'air',
    title,
    condition: 'A condition.',
    impactArea: 'COST',
  });
  const comment = (day: number): DemoStep => ({
    kind: 'comment',
    day,
    by: 'pm@example.com',
    body: 'A comment.',
  });

  it('plays every story’s steps in calendar order, at instants relative to loading', () => {
    const steps = scheduleDemo([[raise(-10, 'First'), comment(-2)], [raise(-5, 'Second')]], now);
    expect(steps.map((s) => [s.story, s.index, s.at.toISOString()])).toEqual([
      [0, 0, new Date(ms(T0) - 10 * 86_400_000).toISOString()],
      [1, 0, new Date(ms(T0) - 5 * 86_400_000).toISOString()],
      [0, 1, new Date(ms(T0) - 2 * 86_400_000).toISOString()],
    ]);
  });

  it('refuses a story that does not start by raising, goes back in time or into the future', () => {
    expect(() => scheduleDemo([[comment(-3)]], now)).toThrow('raises its issue first');
    expect(() => scheduleDemo([[raise(-3, 'Late'), comment(-4)]], now)).toThrow(
      'Demo story "Late", step 1 (comment): each step must come after the one before it.',
    );
    expect(() => scheduleDemo([[raise(-3, 'Soon'), comment(1)]], now)).toThrow('in the future');
    expect(() => scheduleDemo([[raise(-200, 'Old')]], now)).toThrow('program set-up');
  });
});
