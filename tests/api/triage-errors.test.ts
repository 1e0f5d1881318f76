import { TestApp, startTestApp } from '../support/app';
import {
  Cast,
  HARDWARE_WIPT,
  ISSUE,
  IssueView,
  TRIAGE,
  UPDATE,
  anIssueInReview,
  raiseOn,
  signInCast,
  userId,
} from '../support/operations';

interface Problem {
  field: string;
  message: string;
}

/**
 * Triage and edit refuse bad input with every problem at once, each keyed by its field and in
 * plain words, dates as days of the program's time zone (HX is in New York).
 */
describe('triage and edit errors: every problem at once, in plain words, at its field', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await signInCast(app.as);
  });
  afterAll(() => app.stop());

  const read = async (key: string) =>
    (await cast.pm.ok<{ issue: IssueView }>(ISSUE, { key })).issue;

  it('reports an unknown owner, a past recommendations date and dates out of order together', async () => {
    const issue = await raiseOn(cast.engineering, HARDWARE_WIPT);
    // The clock stands at 2 Mar 2026 09:00 in New York. 03:00 UTC on 12 Mar is still 11 Mar there.
    const refused = await cast.pm.fails(TRIAGE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        ownerId: 'nobody',
        consequence: 3,
        requiredDisciplines: ['engineering'],
        dueDates: {
          recommendations: '2026-03-01T14:00:00.000Z',
          decision: '2026-03-12T03:00:00.000Z',
          resolution: '2026-03-10T15:00:00.000Z',
        },
      },
    });

    expect(refused.extensions['code']).toBe('BAD_USER_INPUT');
    const problems = refused.extensions['problems'] as Problem[];
    expect(problems.map((p) => p.field)).toEqual([
      'ownerId',
      'dueDates.recommendations',
      'dueDates.resolution',
    ]);
    expect(refused.extensions['field']).toBe('ownerId');
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField['dueDates.recommendations']).toBe(
      'The recommendations are due in the past — pick 2 Mar 2026 or a later day.',
    );
    expect(byField['dueDates.resolution']).toBe(
      'The resolution is due before the decision is — pick a day on or after 11 Mar 2026.',
    );
    // No internals: no ISO instants, no field paths in the words.
    for (const { message } of problems) {
      expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}T|dueDates\./);
    }
    expect(refused.message).toContain('The resolution is due before the decision is');

    expect(await read(issue.key)).toMatchObject({ status: 'OPEN', version: issue.version });
  });

  it('an edit that puts the decision and the resolution before the recommendations names both', async () => {
    const issue = await anIssueInReview(cast, app.clock.now().toISOString());
    const refused = await cast.pm.fails(UPDATE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        dueDates: {
          recommendations: '2026-03-20T16:00:00.000Z',
          decision: '2026-03-18T16:00:00.000Z',
          resolution: '2026-03-19T16:00:00.000Z',
        },
      },
    });
    expect(refused.extensions['code']).toBe('BAD_USER_INPUT');
    expect(refused.extensions['problems']).toEqual([
      {
        field: 'dueDates.decision',
        message:
          'The decision is due before the recommendations are — pick a day on or after 20 Mar 2026.',
      },
      {
        field: 'dueDates.resolution',
        message:
          'The resolution is due before the recommendations are — pick a day on or after 20 Mar 2026.',
      },
    ]);
    expect((await read(issue.key)).version).toBe(issue.version);
  });

  it('a triage in order goes through (the check refuses only what is out of order)', async () => {
    const issue = await raiseOn(cast.engineering, HARDWARE_WIPT);
    const owner = await userId(cast.engineering);
    const triaged = await cast.pm.ok<{ triageIssue: IssueView }>(TRIAGE, {
      input: {
        issueKey: issue.key,
        version: issue.version,
        ownerId: owner,
        consequence: 3,
        requiredDisciplines: ['engineering'],
        dueDates: {
          recommendations: '2026-03-06T04:59:59.999Z',
          decision: '2026-03-06T04:59:59.999Z',
          resolution: '2026-03-20T03:59:59.999Z',
        },
      },
    });
    expect(triaged.triageIssue.status).toBe('IN_REVIEW');
  });
});
