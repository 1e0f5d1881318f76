import { TestApp, startTestApp } from '../support/app';
import { ApiClient, GraphQLErrorBody } from '../support/client';
import {
  CREATE_PROGRAM,
  DEACTIVATE_USER,
  LADDER,
  RESET_PASSWORD,
  SET_PROGRAM_ROLE,
  UPDATE_MEMBER,
  UPDATE_TEAM,
  USERS,
  UserView,
  createAccount,
} from '../support/administration';
import { CLOSE, COMMENT, COMPLETE_ACTION_ITEM, ISSUE } from '../support/operations';

/**
 * No existence oracle (ADR 7): to someone who may not see a program, anything asked of it is the
 * same FORBIDDEN, word for word, whether or not it exists, and whether or not the program does.
 * Only those who may see the program (system admins, its members) learn that a thing is missing.
 */

const PROGRAM = `query ($key: String!) { program(key: $key) { key } }`;
const TIMELINESS = `query ($programKey: String!) { timeliness(programKey: $programKey) { asOf } }`;
const DECISIONS = `query ($programKey: String) { decisions(programKey: $programKey) { totalCount } }`;
const ISSUES = `query ($programKey: String) { issues(programKey: $programKey) { totalCount } }`;
const HX_ISSUES = `{
  issues(programKey: "HX", first: 25) {
    edges { node { key version decisions { actionItems { id doneAt } } } }
  }
}`;

/** A syntactically valid id that names nothing. */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

interface Probe {
  readonly kind: string;
  /** The operation on something that exists in HX, and on something that does not. */
  readonly existing: () => Promise<[string, Record<string, unknown>]>;
  readonly missing: [string, Record<string, unknown>][];
}

describe('no existence oracle', () => {
  let app: TestApp;
  let admin: ApiClient;
  let pm: ApiClient;
  /** No role anywhere. */
  let stranger: ApiClient;
  /** Program manager of another program (QJZT), so a member somewhere, but not in HX. */
  let elsewhere: ApiClient;
  let users: UserView[];
  let hx: { issueKey: string; version: number; actionItemId: string; openIssueKey: string };
  let team: { id: string; version: number; membershipId: string };

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as('admin@example.com');
    pm = await app.as('pm@example.com');
    const strangerAccount = await createAccount(admin, 'stranger');
    stranger = app.client();
    await stranger.login(strangerAccount.email, strangerAccount.password);
    const elsewhereAccount = await createAccount(admin, 'elsewhere');
    await admin.ok(CREATE_PROGRAM, {
      input: { key: 'QJZT', name: 'Another program', phase: 'EMD', timeZone: 'UTC' },
    });
    await admin.ok(SET_PROGRAM_ROLE, {
      input: { programKey: 'QJZT', userId: elsewhereAccount.id, role: 'PROGRAM_MANAGER' },
    });
    elsewhere = app.client();
    await elsewhere.login(elsewhereAccount.email, elsewhereAccount.password);

    users = (await admin.ok<{ users: UserView[] }>(USERS)).users;
    const issues = (
      await admin.ok<{
        issues: {
          edges: {
            node: {
              key: string;
              version: number;
              decisions: { actionItems: { id: string; doneAt: string | null }[] }[];
            };
          }[];
        };
      }>(HX_ISSUES)
    ).issues.edges.map((edge) => edge.node);
    const withItem = issues.find((issue) =>
      issue.decisions.some((d) => d.actionItems.some((item) => item.doneAt === null)),
    );
    if (!withItem) throw new Error('The demo program has no open action item to probe.');
    const item = withItem.decisions
      .flatMap((d) => d.actionItems)
      .find((candidate) => candidate.doneAt === null)!;
    hx = {
      issueKey: withItem.key,
      version: withItem.version,
      actionItemId: item.id,
      openIssueKey: issues[0]!.key,
    };
    const ladder = (
      await admin.ok<{
        teams: { id: string; version: number; members: { id: string }[] }[];
      }>(LADDER, { programKey: 'HX' })
    ).teams;
    const staffed = ladder.find((t) => t.members.length > 0)!;
    team = { id: staffed.id, version: staffed.version, membershipId: staffed.members[0]!.id };
  });
  afterAll(() => app.stop());

  const probes = (): Probe[] => [
    {
      kind: 'issue query',
      existing: async () => [ISSUE, { key: hx.issueKey }],
      missing: [
        [ISSUE, { key: 'HX-99999' }],
        [ISSUE, { key: 'NOPE-1' }],
      ],
    },
    {
      kind: 'issue mutation through the write pipeline (closeIssue)',
      existing: async () => [CLOSE, { input: { issueKey: hx.openIssueKey, version: 1 } }],
      missing: [
        [CLOSE, { input: { issueKey: 'HX-99999', version: 1 } }],
        [CLOSE, { input: { issueKey: 'NOPE-1', version: 1 } }],
      ],
    },
    {
      kind: 'commentOnIssue',
      existing: async () => [COMMENT, { input: { issueKey: hx.issueKey, body: 'Hello?' } }],
      missing: [
        [COMMENT, { input: { issueKey: 'HX-99999', body: 'Hello?' } }],
        [COMMENT, { input: { issueKey: 'NOPE-1', body: 'Hello?' } }],
      ],
    },
    {
      kind: 'completeActionItem',
      existing: async () => [
        COMPLETE_ACTION_ITEM,
        { input: { issueKey: hx.issueKey, version: hx.version, actionItemId: hx.actionItemId } },
      ],
      missing: [
        [
          COMPLETE_ACTION_ITEM,
          { input: { issueKey: hx.issueKey, version: hx.version, actionItemId: NO_SUCH_ID } },
        ],
        [
          COMPLETE_ACTION_ITEM,
          { input: { issueKey: 'HX-99999', version: 1, actionItemId: hx.actionItemId } },
        ],
        [
          COMPLETE_ACTION_ITEM,
          { input: { issueKey: 'NOPE-1', version: 1, actionItemId: NO_SUCH_ID } },
        ],
      ],
    },
    {
      kind: 'program query',
      existing: async () => [PROGRAM, { key: 'HX' }],
      missing: [[PROGRAM, { key: 'NOPE' }]],
    },
    {
      kind: 'timeliness',
      existing: async () => [TIMELINESS, { programKey: 'HX' }],
      missing: [[TIMELINESS, { programKey: 'NOPE' }]],
    },
    {
      kind: 'decision log filtered by program',
      existing: async () => [DECISIONS, { programKey: 'HX' }],
      missing: [[DECISIONS, { programKey: 'NOPE' }]],
    },
    {
      kind: 'tracker filtered by program',
      existing: async () => [ISSUES, { programKey: 'HX' }],
      missing: [[ISSUES, { programKey: 'NOPE' }]],
    },
    {
      kind: 'team ladder',
      existing: async () => [LADDER, { programKey: 'HX' }],
      missing: [[LADDER, { programKey: 'NOPE' }]],
    },
    {
      kind: 'team by id',
      existing: async () => [
        UPDATE_TEAM,
        { input: { teamId: team.id, version: team.version, name: 'Mine' } },
      ],
      missing: [[UPDATE_TEAM, { input: { teamId: NO_SUCH_ID, version: 1, name: 'Mine' } }]],
    },
    {
      kind: 'membership by id',
      existing: async () => [UPDATE_MEMBER, { input: { membershipId: team.membershipId } }],
      missing: [[UPDATE_MEMBER, { input: { membershipId: NO_SUCH_ID } }]],
    },
    {
      kind: 'user by id',
      existing: async () => [
        DEACTIVATE_USER,
        { input: { userId: users.find((u) => u.email === 'engineering@example.com')!.id } },
      ],
      missing: [[DEACTIVATE_USER, { input: { userId: NO_SUCH_ID } }]],
    },
    {
      kind: 'user by id (password reset)',
      existing: async () => [
        RESET_PASSWORD,
        {
          input: {
            userId: users.find((u) => u.email === 'engineering@example.com')!.id,
            newPassword: 'a-new-password-1',
          },
        },
      ],
      missing: [
        [RESET_PASSWORD, { input: { userId: NO_SUCH_ID, newPassword: 'a-new-password-1' } }],
      ],
    },
  ];

  /**
   * What a refusal shows: its message and every extension, the code included; not the stack
   * trace a development server adds, which names code, not data.
   */
  const shown = (error: GraphQLErrorBody) => {
    const { stacktrace: _stacktrace, ...extensions } = error.extensions;
    return { message: error.message, extensions };
  };

  it.each([
    ['someone with no role anywhere', () => stranger],
    ['a program manager of another program', () => elsewhere],
  ])('answers %s the same FORBIDDEN for what exists and what does not', async (_who, client) => {
    for (const probe of probes()) {
      const [query, variables] = await probe.existing();
      const existing = shown(await client().fails(query, variables));
      expect({ kind: probe.kind, code: existing.extensions.code }).toEqual({
        kind: probe.kind,
        code: 'FORBIDDEN',
      });
      for (const [missingQuery, missingVariables] of probe.missing) {
        expect({
          kind: probe.kind,
          asked: missingVariables,
          ...shown(await client().fails(missingQuery, missingVariables)),
        }).toEqual({ kind: probe.kind, asked: missingVariables, ...existing });
      }
    }
  });

  it('keeps the one outsider message, for an existing and a missing program alike', async () => {
    const existing = await stranger.fails(ISSUE, { key: hx.issueKey });
    expect(existing.message).toBe(
      'You are not a member of this program. (needs: a role in the program)',
    );
    expect(shown(existing).extensions).toEqual({
      code: 'FORBIDDEN',
      requiredRole: 'a role in the program',
    });
    expect(shown(await stranger.fails(ISSUE, { key: 'NOPE-1' }))).toEqual(shown(existing));
  });

  it('tells system admins, who see everything, what does not exist', async () => {
    const missing: [string, Record<string, unknown>, string][] = [
      [ISSUE, { key: 'HX-99999' }, 'HX-99999'],
      [ISSUE, { key: 'NOPE-1' }, 'NOPE-1'],
      [CLOSE, { input: { issueKey: 'NOPE-1', version: 1 } }, 'NOPE-1'],
      [PROGRAM, { key: 'NOPE' }, 'NOPE'],
      [TIMELINESS, { programKey: 'NOPE' }, 'NOPE'],
      [DECISIONS, { programKey: 'NOPE' }, 'NOPE'],
      [ISSUES, { programKey: 'NOPE' }, 'NOPE'],
      [LADDER, { programKey: 'NOPE' }, 'NOPE'],
      [UPDATE_TEAM, { input: { teamId: NO_SUCH_ID, version: 1, name: 'x' } }, NO_SUCH_ID],
      [UPDATE_MEMBER, { input: { membershipId: NO_SUCH_ID } }, NO_SUCH_ID],
      [DEACTIVATE_USER, { input: { userId: NO_SUCH_ID } }, NO_SUCH_ID],
    ];
    for (const [query, variables, key] of missing) {
      const error = await admin.fails(query, variables);
      expect({
        asked: variables,
        code: error.extensions.code,
        key: error.extensions['key'],
      }).toEqual({ asked: variables, code: 'NOT_FOUND', key });
    }
  });

  it('tells a member of a program what does not exist in it, and nothing about other programs', async () => {
    for (const [query, variables] of [
      [ISSUE, { key: 'HX-99999' }],
      [CLOSE, { input: { issueKey: 'HX-99999', version: 1 } }],
      [COMMENT, { input: { issueKey: 'HX-99999', body: 'Hello?' } }],
      [
        COMPLETE_ACTION_ITEM,
        { input: { issueKey: hx.issueKey, version: hx.version, actionItemId: NO_SUCH_ID } },
      ],
    ] as const) {
      expect((await pm.fails(query, variables)).extensions.code).toBe('NOT_FOUND');
    }
    const inQjzt = shown(await pm.fails(ISSUE, { key: 'QJZT-1' }));
    expect(inQjzt.extensions.code).toBe('FORBIDDEN');
    expect(shown(await pm.fails(ISSUE, { key: 'NOPE-1' }))).toEqual(inQjzt);
    expect(shown(await pm.fails(PROGRAM, { key: 'NOPE' }))).toEqual(
      shown(await pm.fails(PROGRAM, { key: 'QJZT' })),
    );
  });
});
