import { UsersService } from 'api/src/users/users.service';
import { TestApp, startTestApp } from '../support/app';
import { ApiClient } from '../support/client';
import {
  Cast,
  DECIDE,
  HARDWARE_WIPT,
  ISSUE,
  IssueView,
  RECOMMEND,
  TRIAGE,
  anIssueAwaitingDecision,
  anIssueInReview,
  dueDates,
  raiseOn,
  signInCast,
  userId,
} from '../support/operations';

describe('who may do what', () => {
  let app: TestApp;
  let cast: Cast;
  let outsider: ApiClient;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await signInCast(app.as);
    await app.running.app
      .get(UsersService)
      .create(
        { actorId: null, at: app.clock.now() },
        { email: 'outsider@example.org', name: 'Olive Outsider', password: 'outsider-pass-1' },
      );
    outsider = app.client();
    await outsider.login('outsider@example.org', 'outsider-pass-1');
  });
  afterAll(() => app.stop());

  const now = () => app.clock.now().toISOString();

  it('refuses a decision from a representative, naming the role needed, and changes nothing', async () => {
    const issue = await anIssueAwaitingDecision(cast, now());
    const error = await cast.engineering.fails(DECIDE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        optionId: issue.options[0]!.id,
        rationale: 'I decide.',
      },
    });
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.extensions['requiredRole']).toBe('decision authority on the issue’s current team');
    expect(error.message).toMatch(/decision authority/);
    const after = (await cast.pm.ok<{ issue: IssueView }>(ISSUE, { key: issue.key })).issue;
    expect(after).toMatchObject({
      status: 'AWAITING_DECISION',
      version: issue.version,
      decisions: [],
    });
  });

  it('refuses a decision from decision authority on another team (the OIPT’s PEO on a WIPT issue)', async () => {
    const issue = await anIssueAwaitingDecision(cast, now());
    const error = await cast.lead.fails(DECIDE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        optionId: issue.options[0]!.id,
        rationale: 'Top-down.',
      },
    });
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a recommendation from a representative of another discipline', async () => {
    const issue = await anIssueInReview(cast, now());
    const error = await cast.manufacturing.fails(RECOMMEND, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        discipline: 'engineering',
        optionId: issue.options[0]!.id,
        rationale: 'x',
      },
    });
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toContain(
      'Only a representative of engineering on the issue’s current team',
    );
  });

  it('refuses a recommendation from a representative whose team does not hold the issue', async () => {
    // cost sits on the sustainment WIPT, not the hardware WIPT
    const issue = await anIssueInReview(cast, now());
    const error = await cast.cost.fails(RECOMMEND, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        discipline: 'cost',
        optionId: issue.options[0]!.id,
        rationale: 'x',
      },
    });
    expect(error.extensions.code).toBe('FORBIDDEN');
  });

  it('refuses triage by a representative', async () => {
    const issue = await raiseOn(cast.engineering, HARDWARE_WIPT);
    const error = await cast.test.fails(TRIAGE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        ownerId: await userId(cast.test),
        consequence: 2,
        requiredDisciplines: ['test'],
        dueDates: dueDates(now(), { recommendations: 1, decision: 2, resolution: 3 }),
      },
    });
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.extensions['requiredRole']).toMatch(/PROGRAM_MANAGER/);
  });

  it('keeps someone outside the program from reading it', async () => {
    const issue = await raiseOn(cast.engineering, HARDWARE_WIPT);
    expect(await outsider.ok(`{ programs { key } }`)).toEqual({ programs: [] });
    expect(await outsider.ok(`{ issues { totalCount edges { node { key } } } }`)).toEqual({
      issues: { totalCount: 0, edges: [] },
    });
    for (const [query, variables] of [
      [ISSUE, { key: issue.key }],
      [`query ($key: String!) { program(key: $key) { name } }`, { key: 'HX' }],
      [`{ issues(programKey: "HX") { totalCount } }`, {}],
    ] as const) {
      const error = await outsider.fails(query, variables);
      expect(error.extensions.code).toBe('FORBIDDEN');
      expect(error.message).toMatch(/not a member of this program/);
    }
  });

  it('refuses every operation but login without a session', async () => {
    const anonymous = app.client();
    for (const query of [
      `{ me { email } }`,
      `{ programs { key } }`,
      `{ issues { totalCount } }`,
      `{ issue(key: "HX-1") { key } }`,
      `mutation { logout }`,
      `mutation { raiseIssue(input: { programKey: "HX", teamId: "x", title: "t", conditionStatement: "c", impactArea: COST }) { key } }`,
    ]) {
      const error = await anonymous.fails(query);
      expect({ query, code: error.extensions.code }).toEqual({ query, code: 'UNAUTHENTICATED' });
    }
  });
});
