import { FixedClock } from 'api/src/common/clock';
import { T0 } from '../support/app';
import type { ApiClient, GraphQLResponse } from '../support/client';
import { type TestDatabase, createTestDatabase, firstBrokenEvent } from '../support/database';
import { type Instance, startInstance } from '../support/multi-instance';
import {
  HARDWARE_WIPT,
  type Cast,
  type IssueView,
  anIssueAwaitingDecision,
  raiseOn,
  signInCast,
  teamId,
  triage,
} from '../support/operations';

/**
 * Two API instances writing to one PostgreSQL database at once, as behind a load balancer: raises,
 * changes that name the same version, decisions and their supersedes, and comments, all through
 * both instances in parallel. The record must come out as if the writes had been made one at a
 * time: unique issue keys with gapless numbers, one winner per version, one decision in force per
 * issue, an intact hash chain, every acknowledged change stored, and no error but the expected
 * ones (ADR 4, ADR 8).
 */

const RAISE = `mutation ($input: RaiseIssueInput!) { raiseIssue(input: $input) { key version } }`;
const UPDATE = `mutation ($input: UpdateIssueInput!) { updateIssue(input: $input) { key version title } }`;
const DECIDE = `mutation ($input: RecordDecisionInput!) {
  recordDecision(input: $input) { key version decisions { id rationale superseded } }
}`;
const COMMENT = `mutation ($input: CommentOnIssueInput!) { commentOnIssue(input: $input) { key } }`;

/** Refusals a write may meet when others change the same things at the same time. */
const EXPECTED_UNDER_CONTENTION = ['CONFLICT', 'ILLEGAL_TRANSITION', 'UNAVAILABLE'];

/** How many of each: enough to interleave on 2 shared cores, few enough to stay quick. */
const RAISES_PER_INSTANCE = 12;
const UPDATE_ROUNDS = 10;
const SAME_VERSION_PER_INSTANCE = 2;
const DECIDED_ISSUES = 4;
const COMMENTS_PER_INSTANCE = 15;

interface Attempt {
  readonly op: string;
  readonly instance: string;
  readonly status: number;
  /** The first error's code, or null when the write was acknowledged. */
  readonly code: string | null;
  readonly message: string | null;
}

describe('two API instances writing to one PostgreSQL database at once', () => {
  let database: TestDatabase;
  const clock = new FixedClock(T0);
  let instances: Instance[];
  /** The demo cast, signed in once through each instance. */
  const casts: Record<string, Cast> = {};
  const attempts: Attempt[] = [];

  const raised: string[] = [];
  let raisesBefore = 0;
  let updated: IssueView;
  const rounds: { version: number; winners: string[]; codes: (string | null)[] }[] = [];
  const decided: IssueView[] = [];
  const decisionRounds: { issueKey: string; round: number; winners: string[] }[] = [];
  let commented: IssueView;
  const acknowledgedComments: string[] = [];

  /** Runs one write, recording how it ended; never throws for a GraphQL error. */
  async function write<T>(
    op: string,
    instance: string,
    client: ApiClient,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> {
    const response = await client.request<T>(query, variables);
    const error = response.errors?.[0];
    attempts.push({
      op,
      instance,
      status: response.status,
      code: error ? String(error.extensions.code) : null,
      message: error ? error.message : null,
    });
    return response;
  }

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const options = { databaseUrl: database.url, clock };
    // A migrates the new database and loads the demo; B starts on it once A is up.
    instances = [await startInstance('A', options)];
    instances.push(await startInstance('B', options));
    for (const instance of instances) casts[instance.name] = await signInCast(instance.as);
    const castA = casts['A']!;
    const now = clock.now().toISOString();

    // What the storm works on, made one at a time beforehand.
    updated = await triage(castA, await raiseOn(castA.engineering, HARDWARE_WIPT), now);
    for (let i = 0; i < DECIDED_ISSUES; i++)
      decided.push(await anIssueAwaitingDecision(castA, now));
    commented = await raiseOn(castA.engineering, HARDWARE_WIPT, 'Many hands on one issue');
    raisesBefore = (await issueNumbers()).length;
    const hardware = await teamId(castA.engineering, HARDWARE_WIPT);

    await Promise.all([
      raiseStorm(hardware),
      sameVersionUpdates(),
      decideAndSupersede(),
      commentStorm(),
    ]);
  }, 240_000);

  afterAll(async () => {
    try {
      for (const instance of instances ?? []) await instance.stop();
    } finally {
      await database?.drop();
    }
  });

  function issueNumbers() {
    return database.query<{
      key: string;
      number: number;
    }>(`SELECT i.key, i.number FROM issues i JOIN programs p ON p.id = i.program_id
       WHERE p.key = 'HX' ORDER BY i.number`);
  }

  async function raiseStorm(teamId: string): Promise<void> {
    await Promise.all(
      instances.flatMap((instance) =>
        Array.from({ length: RAISES_PER_INSTANCE }, async (_, i) => {
          const response = await write<{ raiseIssue: { key: string } }>(
            'raiseIssue',
            instance.name,
            casts[instance.name]!.engineering,
            RAISE,
            {
              input: {
                programKey: 'HX',
                teamId,
                title: `Raised through ${instance.name}, #${i}`,
                conditionStatement: 'Raised while the other instance raises too.',
                impactArea: 'PERFORMANCE',
              },
            },
          );
          if (response.data) raised.push(response.data.raiseIssue.key);
        }),
      ),
    );
  }

  async function sameVersionUpdates(): Promise<void> {
    let version = updated.version;
    for (let round = 0; round < UPDATE_ROUNDS; round++) {
      const answers = await Promise.all(
        instances.flatMap((instance) =>
          Array.from({ length: SAME_VERSION_PER_INSTANCE }, (_, i) => {
            const title = `Round ${round}: ${instance.name}${i}`;
            return write<{ updateIssue: { version: number; title: string } }>(
              'updateIssue',
              instance.name,
              casts[instance.name]!.pm,
              UPDATE,
              { input: { issueKey: updated.key, version, title } },
            );
          }),
        ),
      );
      const winners = answers.flatMap((a) => (a.data ? [a.data.updateIssue] : []));
      rounds.push({
        version,
        winners: winners.map((w) => w.title),
        codes: answers.map((a) => (a.errors ? String(a.errors[0]?.extensions.code) : null)),
      });
      if (winners.length === 0) return;
      version = Math.max(...winners.map((w) => w.version));
    }
  }

  async function decideAndSupersede(): Promise<void> {
    await Promise.all(
      decided.map(async (issue) => {
        let version = issue.version;
        for (const round of [1, 2]) {
          const answers = await Promise.all(
            instances.flatMap((instance) =>
              Array.from({ length: SAME_VERSION_PER_INSTANCE }, (_, i) =>
                write<{ recordDecision: { version: number } }>(
                  round === 1 ? 'recordDecision' : 'recordDecision (supersede)',
                  instance.name,
                  casts[instance.name]!.pm,
                  DECIDE,
                  {
                    input: {
                      issueKey: issue.key,
                      version,
                      optionId: issue.options[round - 1]!.id,
                      rationale: `${issue.key} round ${round} through ${instance.name}${i}`,
                    },
                  },
                ),
              ),
            ),
          );
          const winners = instances.flatMap((instance, n) =>
            answers
              .slice(n * SAME_VERSION_PER_INSTANCE, (n + 1) * SAME_VERSION_PER_INSTANCE)
              .flatMap((a, i) =>
                a.data
                  ? [
                      {
                        rationale: `${issue.key} round ${round} through ${instance.name}${i}`,
                        version: a.data.recordDecision.version,
                      },
                    ]
                  : [],
              ),
          );
          decisionRounds.push({
            issueKey: issue.key,
            round,
            winners: winners.map((w) => w.rationale),
          });
          if (winners.length === 0) return;
          version = Math.max(...winners.map((w) => w.version));
        }
      }),
    );
  }

  async function commentStorm(): Promise<void> {
    await Promise.all(
      instances.flatMap((instance) =>
        Array.from({ length: COMMENTS_PER_INSTANCE }, async (_, i) => {
          const body = `Comment ${i} through ${instance.name}`;
          const response = await write(
            'commentOnIssue',
            instance.name,
            casts[instance.name]!.test,
            COMMENT,
            { input: { issueKey: commented.key, body } },
          );
          if (response.data) acknowledgedComments.push(body);
        }),
      ),
    );
  }

  it('answers every write with success or an expected refusal: never an internal error', () => {
    const unexpected = attempts.filter(
      (a) => a.status !== 200 || (a.code !== null && !EXPECTED_UNDER_CONTENTION.includes(a.code)),
    );
    expect(unexpected).toEqual([]);
    // Both instances took part.
    expect(new Set(attempts.map((a) => a.instance))).toEqual(new Set(['A', 'B']));
  });

  it('gives raised issues unique keys, numbered without gaps or duplicates', async () => {
    const rows = await issueNumbers();
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.key)).toEqual(rows.map((r) => `HX-${r.number}`));
    // Every acknowledged raise is there, and nothing that was refused.
    expect(rows.length - raisesBefore).toBe(raised.length);
    expect(rows.map((r) => r.key)).toEqual(expect.arrayContaining(raised));
    expect(raised.length).toBeGreaterThan(0);
  });

  it('lets exactly one of the changes that name the same version win; the others are told CONFLICT', async () => {
    expect(rounds).toHaveLength(UPDATE_ROUNDS);
    for (const round of rounds) {
      expect({ version: round.version, winners: round.winners.length }).toEqual({
        version: round.version,
        winners: 1,
      });
      expect(round.codes.filter((code) => code !== null).sort()).toEqual(
        Array(round.codes.length - 1).fill('CONFLICT'),
      );
    }
    // Each winner's change is in the record, in the order the versions say.
    const events = await database.query<{ after: string }>(
      `SELECT e.after FROM events e JOIN issues i ON i.id = e.issue_id
       WHERE i.key = ? AND e.type = 'ISSUE_UPDATED' ORDER BY e.seq`,
      [updated.key],
    );
    expect(events.map((e) => (JSON.parse(e.after) as { title?: string }).title)).toEqual(
      rounds.map((r) => r.winners[0]),
    );
  });

  it('keeps at most one decision in force per issue, and stores each acknowledged decision and supersede', async () => {
    const twice =
      await database.query(`SELECT issue_id, count(*) AS n FROM decisions WHERE superseded_at IS NULL
       GROUP BY issue_id HAVING count(*) > 1`);
    expect(twice).toEqual([]);
    expect(decisionRounds).toHaveLength(DECIDED_ISSUES * 2);
    for (const round of decisionRounds) {
      expect({ ...round, winners: round.winners.length }).toEqual({ ...round, winners: 1 });
    }
    for (const issue of decided) {
      const stored = await database.query<{ rationale: string; superseded_at: string | null }>(
        `SELECT d.rationale, d.superseded_at FROM decisions d JOIN issues i ON i.id = d.issue_id
         WHERE i.key = ? ORDER BY d.superseded_at NULLS LAST`,
        [issue.key],
      );
      const acknowledged = decisionRounds
        .filter((r) => r.issueKey === issue.key)
        .sort((x, y) => x.round - y.round)
        .flatMap((r) => r.winners);
      // The first round's winner, superseded by the second round's, which is in force.
      expect(stored.map((d) => [d.rationale, d.superseded_at === null])).toEqual(
        acknowledged.map((rationale, i) => [rationale, i === acknowledged.length - 1]),
      );
    }
  });

  it('stores every acknowledged comment, once', async () => {
    const stored = await database.query<{ body: string }>(
      `SELECT c.body FROM comments c JOIN issues i ON i.id = c.issue_id WHERE i.key = ?`,
      [commented.key],
    );
    expect(stored.map((c) => c.body).sort()).toEqual([...acknowledgedComments].sort());
    expect(acknowledgedComments.length).toBeGreaterThan(0);
  });

  it('leaves one unbroken hash chain', async () => {
    expect(await firstBrokenEvent(database)).toBeNull();
  });
});
