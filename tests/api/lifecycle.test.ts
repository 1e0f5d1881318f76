import { TestApp, startTestApp } from '../support/app';
import {
  ADD_OPTION,
  CLOSE,
  COMMENT,
  COMPLETE_ACTION_ITEM,
  DECIDE,
  Cast,
  ESCALATE,
  HARDWARE_WIPT,
  ISSUE,
  IssueView,
  NON_CONCUR,
  RECOMMEND,
  RESOLVE,
  UPDATE,
  WAIVE,
  WITHDRAW,
  anIssueAwaitingDecision,
  anIssueInReview,
  decide,
  raiseOn,
  recommend,
  signInCast,
  userId,
} from '../support/operations';

describe('the lifecycle after triage', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await signInCast(app.as);
  });
  afterAll(() => app.stop());

  const now = () => app.clock.now().toISOString();
  const read = async (key: string) =>
    (await cast.pm.ok<{ issue: IssueView }>(ISSUE, { key })).issue;
  const at = (days: number) =>
    new Date(app.clock.now().getTime() + days * 86_400_000).toISOString();

  it('escalates up the ladder keeping every recommendation, and refuses past the OIPT', async () => {
    // In review with test still pending: it goes back to review one tier up.
    let issue = await anIssueInReview(cast, now());
    issue = await recommend(cast.engineering, issue, 'engineering', 'A');
    issue = (
      await cast.pm.ok<{ escalateIssue: IssueView }>(ESCALATE, {
        input: { issueKey: issue.key, version: issue.version, reason: 'Needs IIPT funding trade.' },
      })
    ).escalateIssue;
    expect(issue).toMatchObject({
      status: 'IN_REVIEW',
      tier: 'IIPT',
      currentTeam: { name: 'HX Integrating IPT' },
      readyAt: null,
      pendingDisciplines: ['test'],
    });
    expect(issue.recommendations).toHaveLength(1);
    expect(issue.escalations).toEqual([
      {
        fromTier: 'WIPT',
        toTier: 'IIPT',
        reason: 'Needs IIPT funding trade.',
        source: 'PERSON',
        escalatedBy: { email: 'pm@example.com' },
      },
    ]);

    // At the IIPT its test representative completes coverage.
    issue = await recommend(cast.test, issue, 'test', 'B');
    expect(issue.status).toBe('AWAITING_DECISION');

    // Fully covered, it arrives at the OIPT ready for the PEO at once, not stuck in review.
    app.clock.advance(3_600_000);
    issue = (
      await cast.pm.ok<{ escalateIssue: IssueView }>(ESCALATE, {
        input: { issueKey: issue.key, version: issue.version, reason: 'Exceeds IIPT authority.' },
      })
    ).escalateIssue;
    expect(issue).toMatchObject({ status: 'AWAITING_DECISION', tier: 'OIPT', readyAt: now() });
    expect(issue.coverage.map((c) => c.state)).toEqual(['RECOMMENDED', 'RECOMMENDED']);

    const refused = await cast.engineering.fails(ESCALATE, {
      input: { issueKey: issue.key, version: issue.version, reason: 'Higher?' },
    });
    expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const top = await cast.pm.fails(ESCALATE, {
      input: { issueKey: issue.key, version: issue.version, reason: 'Higher?' },
    });
    expect(top.extensions).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      currentStatus: 'AWAITING_DECISION',
    });
    expect(top.message).toContain('top of its ladder (OIPT)');

    expect(issue.viewerActions).not.toContain('RECORD_DECISION');
    issue = await decide(cast.lead, issue, 'B');
    expect(issue.decisions.at(-1)).toMatchObject({
      tier: 'OIPT',
      decidedBy: { email: 'lead@example.com' },
    });
  });

  it('waives a pending discipline by a program manager only, with the reason kept', async () => {
    let issue = await anIssueInReview(cast, now());
    issue = await recommend(cast.engineering, issue, 'engineering', 'A');
    const byRep = await cast.engineering.fails(WAIVE, {
      input: { issueKey: issue.key, version: issue.version, discipline: 'test', reason: 'x' },
    });
    expect(byRep.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'PROGRAM_MANAGER' });
    const recommended = await cast.pm.fails(WAIVE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        discipline: 'engineering',
        reason: 'x',
      },
    });
    expect(recommended.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(recommended.message).toContain('engineering has already recommended');

    issue = (
      await cast.pm.ok<{ waiveDiscipline: IssueView }>(WAIVE, {
        input: {
          issueKey: issue.key,
          version: issue.version,
          discipline: 'test',
          reason: 'No test impact.',
        },
      })
    ).waiveDiscipline;
    expect(issue.status).toBe('AWAITING_DECISION');
    expect(issue.coverage.map((c) => c.state)).toEqual(['RECOMMENDED', 'WAIVED']);
    expect(issue.waivers).toEqual([
      { discipline: 'test', reason: 'No test impact.', waivedBy: { email: 'pm@example.com' } },
    ]);
    expect(issue.timeline.at(-1)?.type).toBe('DISCIPLINE_WAIVED');
  });

  it('runs action items to resolution and closure, each done by its assignee or a program manager', async () => {
    let issue = await anIssueAwaitingDecision(cast, now());
    issue = await decide(cast.pm, issue, 'A', [
      { title: 'Redesign bracket', assigneeId: await userId(cast.engineering), dueAt: at(10) },
      { title: 'Retest bracket', assigneeId: await userId(cast.test), dueAt: at(20) },
    ]);
    const [redesign, retest] = issue.decisions[0]!.actionItems;
    const pastDue = await anIssueAwaitingDecision(cast, now());
    const late = await cast.pm.fails(DECIDE, {
      input: {
        issueKey: pastDue.key,
        version: pastDue.version,
        optionId: pastDue.options[0]!.id,
        rationale: 'r',
        actionItems: [
          { title: 'Already late', assigneeId: await userId(cast.test), dueAt: at(-1) },
        ],
      },
    });
    expect(late.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actionItems.0.dueAt' });
    const early = await cast.pm.fails(RESOLVE, {
      input: { issueKey: issue.key, version: issue.version },
    });
    expect(early.extensions.code).toBe('ILLEGAL_TRANSITION');
    expect(early.message).toContain('2 action items are still open');

    const notMine = await cast.manufacturing.fails(COMPLETE_ACTION_ITEM, {
      input: { issueKey: issue.key, version: issue.version, actionItemId: retest!.id },
    });
    expect(notMine.extensions.code).toBe('FORBIDDEN');
    issue = (
      await cast.engineering.ok<{ completeActionItem: IssueView }>(COMPLETE_ACTION_ITEM, {
        input: { issueKey: issue.key, version: issue.version, actionItemId: redesign!.id },
      })
    ).completeActionItem;
    expect(issue.decisions[0]!.actionItems.find((a) => a.id === redesign!.id)!.doneAt).toBe(now());
    const twice = await cast.engineering.fails(COMPLETE_ACTION_ITEM, {
      input: { issueKey: issue.key, version: issue.version, actionItemId: redesign!.id },
    });
    expect(twice.extensions.code).toBe('CONFLICT');
    const unknown = await cast.pm.fails(COMPLETE_ACTION_ITEM, {
      input: { issueKey: issue.key, version: issue.version, actionItemId: 'nope' },
    });
    expect(unknown.extensions.code).toBe('NOT_FOUND');
    issue = (
      await cast.pm.ok<{ completeActionItem: IssueView }>(COMPLETE_ACTION_ITEM, {
        input: { issueKey: issue.key, version: issue.version, actionItemId: retest!.id },
      })
    ).completeActionItem;

    app.clock.advance(3_600_000);
    issue = (
      await cast.pm.ok<{ resolveIssue: IssueView }>(RESOLVE, {
        input: { issueKey: issue.key, version: issue.version, note: 'Fixed and retested.' },
      })
    ).resolveIssue;
    expect(issue).toMatchObject({ status: 'RESOLVED', resolvedAt: now(), currentStage: null });
    issue = (
      await cast.pm.ok<{ closeIssue: IssueView }>(CLOSE, {
        input: { issueKey: issue.key, version: issue.version },
      })
    ).closeIssue;
    expect(issue.status).toBe('CLOSED');
  });

  it('supersedes a decision with a new one, linked both ways, reopening a resolved issue', async () => {
    let issue = await anIssueAwaitingDecision(cast, now());
    issue = await decide(cast.pm, issue, 'A');
    issue = (
      await cast.pm.ok<{ resolveIssue: IssueView }>(RESOLVE, {
        input: { issueKey: issue.key, version: issue.version },
      })
    ).resolveIssue;
    expect(issue.status).toBe('RESOLVED');
    issue = await decide(cast.pm, issue, 'B');
    expect(issue).toMatchObject({ status: 'DECIDED', resolvedAt: null });
    const [first, second] = issue.decisions;
    expect(first).toMatchObject({
      superseded: true,
      supersededBy: { id: second!.id },
      supersedes: null,
    });
    expect(second).toMatchObject({
      superseded: false,
      supersedes: { id: first!.id },
      supersededBy: null,
      dissentingDisciplines: ['engineering'],
    });
    expect(issue.timeline.at(-1)?.type).toBe('DECISION_SUPERSEDED');
  });

  it('files a non-concurrence beside the decision and sends it one tier up', async () => {
    let issue = await anIssueAwaitingDecision(cast, now());
    const tooEarly = await cast.test.fails(NON_CONCUR, {
      input: { issueKey: issue.key, version: issue.version, rationale: 'x' },
    });
    expect(tooEarly.extensions).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      currentStatus: 'AWAITING_DECISION',
    });
    issue = await decide(cast.pm, issue, 'A');
    const outsider = await cast.cost.fails(NON_CONCUR, {
      input: { issueKey: issue.key, version: issue.version, rationale: 'x' },
    });
    expect(outsider.extensions.code).toBe('FORBIDDEN');
    issue = (
      await cast.test.ok<{ fileNonConcurrence: IssueView }>(NON_CONCUR, {
        input: {
          issueKey: issue.key,
          version: issue.version,
          rationale: 'The gusset will not survive the full spectrum.',
          impacts: 'Risk of a second test failure.',
        },
      })
    ).fileNonConcurrence;
    expect(issue.decisions[0]!.nonConcurrences).toEqual([
      {
        discipline: 'test',
        rationale: 'The gusset will not survive the full spectrum.',
        author: { email: 'test@example.com' },
        reviewTeam: { name: 'HX Integrating IPT', tier: 'IIPT' },
      },
    ]);
  });

  it('withdraws an issue that needs no decision; then only comments are taken', async () => {
    let issue = await raiseOn(cast.engineering, HARDWARE_WIPT, 'Duplicate of the bracket issue');
    const noReason = await cast.pm.fails(WITHDRAW, {
      input: { issueKey: issue.key, version: issue.version, reason: ' ' },
    });
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    issue = (
      await cast.pm.ok<{ withdrawIssue: IssueView }>(WITHDRAW, {
        input: { issueKey: issue.key, version: issue.version, reason: 'Duplicate.' },
      })
    ).withdrawIssue;
    expect(issue.status).toBe('WITHDRAWN');
    expect(issue.viewerActions).toEqual(['COMMENT']);
    const option = await cast.engineering.fails(ADD_OPTION, {
      input: { issueKey: issue.key, version: issue.version, title: 'Late' },
    });
    expect(option.extensions).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      currentStatus: 'WITHDRAWN',
      allowedCommands: ['COMMENT'],
    });
    const commented = (
      await cast.engineering.ok<{ commentOnIssue: IssueView }>(COMMENT, {
        input: { issueKey: issue.key, body: 'Agreed, duplicate.' },
      })
    ).commentOnIssue;
    expect(commented.comments).toEqual([
      { body: 'Agreed, duplicate.', author: { email: 'engineering@example.com' } },
    ]);
  });

  it('adds comments without taking or bumping the version, and keeps them in the timeline', async () => {
    const issue = await anIssueInReview(cast, now());
    const [a, b] = await Promise.all([
      cast.engineering.ok<{ commentOnIssue: IssueView }>(COMMENT, {
        input: { issueKey: issue.key, body: 'First' },
      }),
      cast.test.ok<{ commentOnIssue: IssueView }>(COMMENT, {
        input: { issueKey: issue.key, body: 'Second' },
      }),
    ]);
    expect(a.commentOnIssue.version).toBe(issue.version);
    expect(b.commentOnIssue.version).toBe(issue.version);
    const after = await read(issue.key);
    expect(after.comments.map((c) => c.body).sort()).toEqual(['First', 'Second']);
    expect(after.timeline.filter((e) => e.type === 'COMMENT_ADDED')).toHaveLength(2);
    expect(
      (await cast.pm.fails(COMMENT, { input: { issueKey: issue.key, body: '' } })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
  });

  it('edits an issue, moving it between review and decision as its required disciplines change', async () => {
    let issue = await anIssueAwaitingDecision(cast, now());
    issue = (
      await cast.pm.ok<{ updateIssue: IssueView }>(UPDATE, {
        input: {
          issueKey: issue.key,
          version: issue.version,
          title: 'Bracket cracks (revised)',
          consequence: 5,
          requiredDisciplines: ['engineering', 'test', 'manufacturing'],
        },
      })
    ).updateIssue;
    expect(issue).toMatchObject({
      title: 'Bracket cracks (revised)',
      consequence: 5,
      status: 'IN_REVIEW',
      pendingDisciplines: ['manufacturing'],
      readyAt: null,
    });
    const edit = JSON.parse(issue.timeline.at(-1)!.after!) as Record<string, unknown>;
    expect(edit).toMatchObject({
      title: 'Bracket cracks (revised)',
      consequence: 5,
      status: 'IN_REVIEW',
    });

    issue = (
      await cast.pm.ok<{ updateIssue: IssueView }>(UPDATE, {
        input: {
          issueKey: issue.key,
          version: issue.version,
          requiredDisciplines: ['engineering', 'test'],
        },
      })
    ).updateIssue;
    expect(issue).toMatchObject({ status: 'AWAITING_DECISION', readyAt: now() });

    const nothing = await cast.pm.fails(UPDATE, {
      input: { issueKey: issue.key, version: issue.version, consequence: 5 },
    });
    expect(nothing.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const backwards = await cast.pm.fails(UPDATE, {
      input: { issueKey: issue.key, version: issue.version, dueDates: { decision: at(-30) } },
    });
    expect(backwards.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dueDates.decision',
    });
    const byRep = await cast.test.fails(UPDATE, {
      input: { issueKey: issue.key, version: issue.version, title: 'Mine now' },
    });
    expect(byRep.extensions.code).toBe('FORBIDDEN');
    expect((await read(issue.key)).version).toBe(issue.version);
  });

  it('lets one of two conflicting edits win; the other gets CONFLICT with the current version, and retrying loses nothing', async () => {
    const issue = await anIssueInReview(cast, now());
    const [pmEdit, engineerOption] = await Promise.all([
      cast.pm.request<{ updateIssue: IssueView }>(UPDATE, {
        input: { issueKey: issue.key, version: issue.version, title: 'Renamed by the PM' },
      }),
      cast.engineering.request<{ addOption: IssueView }>(ADD_OPTION, {
        input: { issueKey: issue.key, version: issue.version, title: 'Option from engineering' },
      }),
    ]);
    const outcomes = [pmEdit, engineerOption];
    const winners = outcomes.filter((o) => !o.errors);
    const losers = outcomes.filter((o) => o.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      readVersion: issue.version,
      currentVersion: issue.version + 1,
    });

    // The loser reloads and retries against the current version.
    const current = await read(issue.key);
    if (pmEdit.errors) {
      await cast.pm.ok(UPDATE, {
        input: { issueKey: issue.key, version: current.version, title: 'Renamed by the PM' },
      });
    } else {
      await cast.engineering.ok(ADD_OPTION, {
        input: { issueKey: issue.key, version: current.version, title: 'Option from engineering' },
      });
    }
    const final = await read(issue.key);
    expect(final.title).toBe('Renamed by the PM');
    expect(final.options.map((o) => o.title)).toContain('Option from engineering');
    expect(final.version).toBe(issue.version + 2);
  });

  it('refuses a recommendation for a waived discipline', async () => {
    let issue = await anIssueInReview(cast, now());
    issue = (
      await cast.pm.ok<{ waiveDiscipline: IssueView }>(WAIVE, {
        input: { issueKey: issue.key, version: issue.version, discipline: 'test', reason: 'n/a' },
      })
    ).waiveDiscipline;
    const error = await cast.test.fails(RECOMMEND, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        discipline: 'test',
        optionId: issue.options[0]!.id,
        rationale: 'late',
      },
    });
    expect(error.extensions.code).toBe('ILLEGAL_TRANSITION');
    expect(error.message).toContain('test has been waived');
  });
});
