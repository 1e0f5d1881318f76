import { T0, TestApp, startTestApp } from '../support/app';
import {
  CLOSE,
  Cast,
  DECIDE,
  HARDWARE_WIPT,
  IssueView,
  addOption,
  raiseOn,
  recommend,
  signInCast,
  triage,
  userId,
} from '../support/operations';

describe('the chain: raise -> triage -> recommendations -> decision -> close', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await signInCast(app.as);
  });
  afterAll(() => app.stop());

  it('runs end to end as the right people, recording every step on the issue', async () => {
    // A representative raises it on their WIPT.
    let issue: IssueView = await raiseOn(
      cast.engineering,
      HARDWARE_WIPT,
      'Bracket cracks in vibration test',
    );
    expect(issue).toMatchObject({
      status: 'OPEN',
      version: 1,
      tier: 'WIPT',
      currentStage: 'TRIAGE',
      owner: null,
    });
    expect(issue.key).toMatch(/^HX-\d+$/);
    expect(issue.timeline.map((e) => e.type)).toEqual(['ISSUE_RAISED']);

    // The program manager triages it: owner, consequence, disciplines, due dates.
    app.clock.advance(3_600_000);
    issue = await triage(cast, issue, app.clock.now().toISOString(), ['engineering', 'test']);
    expect(issue).toMatchObject({
      status: 'IN_REVIEW',
      version: 2,
      consequence: 4,
      owner: { email: 'engineering@example.com' },
      requiredDisciplines: ['engineering', 'test'],
      pendingDisciplines: ['engineering', 'test'],
      currentStage: 'RECOMMENDATIONS',
    });
    expect(issue.currentStageDueAt).toBe(issue.dueDates.recommendations);
    expect(issue.dueDates.decision).toBe('2026-03-12T15:00:00.000Z');

    issue = await addOption(cast.engineering, issue, 'Add a gusset');
    issue = await addOption(cast.test, issue, 'Machined bracket');
    expect(issue.options.map((o) => o.label)).toEqual(['A', 'B']);

    // Two representatives recommend; the second completes coverage.
    issue = await recommend(cast.engineering, issue, 'engineering', 'A');
    expect(issue.status).toBe('IN_REVIEW');
    expect(issue.pendingDisciplines).toEqual(['test']);
    app.clock.advance(86_400_000);
    issue = await recommend(cast.test, issue, 'test', 'B');
    expect(issue.status).toBe('AWAITING_DECISION');
    expect(issue.readyAt).toBe(app.clock.now().toISOString());
    expect(issue.coverage).toEqual([
      {
        discipline: 'engineering',
        state: 'RECOMMENDED',
        recommendation: { author: { email: 'engineering@example.com' }, option: { label: 'A' } },
      },
      {
        discipline: 'test',
        state: 'RECOMMENDED',
        recommendation: { author: { email: 'test@example.com' }, option: { label: 'B' } },
      },
    ]);

    // The decision authority on the WIPT (the PM, its lead) decides; test dissented.
    const decided = await cast.pm.ok<{ recordDecision: IssueView }>(DECIDE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        optionId: issue.options[0]!.id,
        rationale: 'The gusset fixes the stress riser at a tenth of the cost.',
        actionItems: [
          {
            title: 'Update drawing',
            assigneeId: await userId(cast.engineering),
            dueAt: '2026-03-20T00:00:00Z',
          },
        ],
      },
    });
    issue = decided.recordDecision;
    expect(issue.status).toBe('DECIDED');
    expect(issue.decisions).toEqual([
      {
        id: expect.any(String),
        superseded: false,
        dissentingDisciplines: ['test'],
        option: { label: 'A' },
        decidedBy: { email: 'pm@example.com' },
        tier: 'WIPT',
        supersedes: null,
        supersededBy: null,
        nonConcurrences: [],
        actionItems: [
          {
            id: expect.any(String),
            title: 'Update drawing',
            doneAt: null,
            assignee: { email: 'engineering@example.com' },
          },
        ],
      },
    ]);

    // Closing waits for the open action item.
    const refused = await cast.pm.fails(CLOSE, {
      input: { issueKey: issue.key, version: issue.version },
    });
    expect(refused.extensions.code).toBe('ILLEGAL_TRANSITION');
    expect(refused.message).toContain('1 action item is still open');
  });

  it('closes a decided issue with no open action items, and keeps the whole history', async () => {
    let issue = await raiseOn(cast.engineering, HARDWARE_WIPT, 'Label adhesion failure');
    issue = await triage(cast, issue, app.clock.now().toISOString(), ['engineering']);
    issue = await addOption(cast.engineering, issue, 'Change label stock');
    issue = await recommend(cast.engineering, issue, 'engineering', 'A');
    expect(issue.status).toBe('AWAITING_DECISION');
    issue = (
      await cast.pm.ok<{ recordDecision: IssueView }>(DECIDE, {
        input: {
          issueKey: issue.key,
          version: issue.version,
          optionId: issue.options[0]!.id,
          rationale: 'Cheap and proven.',
        },
      })
    ).recordDecision;
    app.clock.advance(3_600_000);
    issue = (
      await cast.pm.ok<{ closeIssue: IssueView }>(CLOSE, {
        input: { issueKey: issue.key, version: issue.version, note: 'Done' },
      })
    ).closeIssue;

    expect(issue.status).toBe('CLOSED');
    expect(issue.closedAt).toBe(app.clock.now().toISOString());
    expect(issue.resolvedAt).toBe(issue.closedAt);
    expect(issue.currentStage).toBeNull();
    expect(issue.timeline.map((e) => [e.type, e.actor?.email])).toEqual([
      ['ISSUE_RAISED', 'engineering@example.com'],
      ['ISSUE_TRIAGED', 'pm@example.com'],
      ['OPTION_ADDED', 'engineering@example.com'],
      ['RECOMMENDATION_SUBMITTED', 'engineering@example.com'],
      ['DECISION_RECORDED', 'pm@example.com'],
      ['ISSUE_CLOSED', 'pm@example.com'],
    ]);
    const closing = issue.timeline.at(-1)!;
    expect(JSON.parse(closing.before!)).toEqual({ status: 'DECIDED' });
    expect(JSON.parse(closing.after!)).toEqual({
      status: 'CLOSED',
      note: 'Done',
      version: issue.version,
    });
  });

  it('supersedes a discipline’s earlier recommendation instead of editing it', async () => {
    let issue = await raiseOn(
      cast.engineering,
      HARDWARE_WIPT,
      'Thermal margin on the power amplifier',
    );
    issue = await triage(cast, issue, T0, ['engineering', 'test']);
    issue = await addOption(cast.engineering, issue, 'Add heat sink');
    issue = await addOption(cast.engineering, issue, 'Derate output power');
    issue = await recommend(cast.engineering, issue, 'engineering', 'A');
    issue = await recommend(cast.engineering, issue, 'engineering', 'B');
    expect(issue.recommendations.map((r) => [r.option.label, r.superseded])).toEqual([
      ['A', true],
      ['B', false],
    ]);
    expect(issue.coverage[0]).toMatchObject({
      state: 'RECOMMENDED',
      recommendation: { option: { label: 'B' } },
    });
  });
});
