import { TestApp, startTestApp } from '../support/app';
import {
  ADD_OPTION,
  Cast,
  CLOSE,
  DECIDE,
  HARDWARE_WIPT,
  ISSUE,
  IssueView,
  RAISE,
  TRIAGE,
  anIssueInReview,
  dueDates,
  raiseOn,
  signInCast,
  teamId,
  userId,
} from '../support/operations';

describe('bad input gets a code and a message a person can act on', () => {
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

  it('names the field of bad input (BAD_USER_INPUT)', async () => {
    const team = await teamId(cast.engineering, HARDWARE_WIPT);
    const raise = (input: Record<string, unknown>) =>
      cast.engineering.fails(RAISE, {
        input: {
          programKey: 'HX',
          teamId: team,
          title: 'T',
          conditionStatement: 'C',
          impactArea: 'COST',
          ...input,
        },
      });
    expect((await raise({ title: '' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect((await raise({ title: '   ' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect((await raise({ title: 'x'.repeat(201) })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect((await raise({ consequence: 7 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'consequence',
    });
    expect((await raise({ teamId: 'no-such-team' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'teamId',
    });
    const wrongEnum = await raise({ impactArea: 'MORALE' });
    expect(wrongEnum.extensions.code).toBe('BAD_USER_INPUT');
    expect(wrongEnum.message).toContain('MORALE');

    const tooMany = await cast.pm.fails(`{ issues(first: 500) { totalCount } }`);
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await cast.pm.fails(`{ issues(after: "garbage") { totalCount } }`);
    expect(badCursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a triage with unknown disciplines or due dates out of order, and leaves the issue as it was', async () => {
    const issue = await raiseOn(cast.engineering, HARDWARE_WIPT);
    const triage = async (input: Record<string, unknown>) =>
      cast.pm.fails(TRIAGE, {
        input: {
          issueKey: issue.key,
          version: issue.version,
          ownerId: await userId(cast.engineering),
          consequence: 3,
          requiredDisciplines: ['engineering'],
          dueDates: dueDates(now(), { recommendations: 2, decision: 5, resolution: 9 }),
          ...input,
        },
      });
    const unknown = await triage({ requiredDisciplines: ['engineering', 'astrology'] });
    expect(unknown.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'requiredDisciplines',
    });
    expect(unknown.message).toContain('astrology');
    const none = await triage({ requiredDisciplines: [] });
    expect(none.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requiredDisciplines' });
    const backwards = await triage({
      dueDates: dueDates(now(), { recommendations: 5, decision: 2, resolution: 9 }),
    });
    expect(backwards.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dueDates.decision',
    });
    const badOwner = await triage({ ownerId: 'nobody' });
    expect(badOwner.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ownerId' });

    const after = await read(issue.key);
    expect(after).toMatchObject({
      status: 'OPEN',
      version: 1,
      requiredDisciplines: [],
      owner: null,
    });
    expect(after.timeline).toHaveLength(1);
  });

  it('answers NOT_FOUND for an issue that does not exist', async () => {
    const error = await cast.pm.fails(ISSUE, { key: 'HX-9999' });
    expect(error.extensions.code).toBe('NOT_FOUND');
    expect(error.message).toContain('HX-9999');
    expect((await cast.pm.fails(ISSUE, { key: 'not a key' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'issueKey',
    });
  });

  it('answers CONFLICT with the current version when the version read is stale, and changes nothing', async () => {
    const issue = await anIssueInReview(cast, now());
    const stale = issue.version - 1;
    const error = await cast.engineering.fails(ADD_OPTION, {
      input: { issueKey: issue.key, version: stale, title: 'Late idea' },
    });
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: issue.version,
      readVersion: stale,
    });
    expect(error.message).toMatch(/Reload it and try again/);
    const after = await read(issue.key);
    expect(after.options).toHaveLength(2);
    expect(after.version).toBe(issue.version);
  });

  it('answers ILLEGAL_TRANSITION naming the current state and the allowed moves', async () => {
    const issue = await anIssueInReview(cast, now());
    const decide = await cast.pm.fails(DECIDE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        optionId: issue.options[0]!.id,
        rationale: 'Too early.',
      },
    });
    expect(decide.extensions).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      currentStatus: 'IN_REVIEW',
    });
    expect(decide.extensions['allowedCommands']).toEqual(
      expect.arrayContaining(['SUBMIT_RECOMMENDATION', 'WAIVE_DISCIPLINE']),
    );
    expect(decide.message).toMatch(
      /Cannot record a decision: .*IN_REVIEW.*Allowed while IN_REVIEW: .*submit a recommendation/,
    );

    const close = await cast.pm.fails(CLOSE, {
      input: { issueKey: issue.key, version: issue.version },
    });
    expect(close.extensions).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      currentStatus: 'IN_REVIEW',
    });
    expect((await read(issue.key)).version).toBe(issue.version);
  });

  it('answers UNAUTHENTICATED for a wrong password, without saying which part was wrong', async () => {
    const client = app.client();
    const wrongPassword = await client.fails(
      `mutation { login(email: "pm@example.com", password: "nope-nope-nope") { email } }`,
    );
    const unknownUser = await client.fails(
      `mutation { login(email: "ghost@example.com", password: "nope-nope-nope") { email } }`,
    );
    expect(wrongPassword.extensions.code).toBe('UNAUTHENTICATED');
    expect(wrongPassword.message).toBe('Email or password is not correct.');
    expect(unknownUser.message).toBe(wrongPassword.message);
    expect(client.sessionCookie).toBeNull();
  });

  it('never answers an unexplained 500: unknown fields are a validation error with a code', async () => {
    const result = await cast.pm.request(`{ issue(key: "HX-1") { noSuchField } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
