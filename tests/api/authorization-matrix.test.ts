import { DatabaseService } from 'api/src/database/database.service';
import { IssueEntity } from 'api/src/issues/issue.entity';
import type { Caller } from 'api/src/common/caller';
import { IssueCommands } from 'api/src/issues/commands';
import { OptionEntity } from 'api/src/issues/option.entity';
import { ActionItemEntity } from 'api/src/issues/action-item.entity';
import { UserEntity } from 'api/src/users/user.entity';
import { TestApp, startTestApp } from '../support/app';
import { ApiClient } from '../support/client';
import {
  ADD_DISCIPLINE,
  ADD_MEMBER,
  CHANGE_PASSWORD,
  CREATE_PROGRAM,
  CREATE_TEAM,
  CREATE_USER,
  DEACTIVATE_USER,
  REACTIVATE_USER,
  REMOVE_MEMBER,
  RESET_PASSWORD,
  SET_PROGRAM_ROLE,
  UPDATE_MEMBER,
  UPDATE_PROGRAM,
  UPDATE_TEAM,
} from '../support/administration';
import {
  ADD_OPTION,
  CLOSE,
  COMMENT,
  COMPLETE_ACTION_ITEM,
  DECIDE,
  ESCALATE,
  NON_CONCUR,
  RAISE,
  RECOMMEND,
  RESOLVE,
  TRIAGE,
  UPDATE,
  WAIVE,
  WITHDRAW,
} from '../support/operations';

/**
 * Every mutation for every kind of person, allowed or refused exactly as designed
 * (docs/domain.md#who-may-do-what and ADR 7). The program under test, MX, is built for the
 * purpose so that each role is one person:
 *
 *   admin      system admin, no role in MX        pm        MX's program manager, on no team
 *   repRight   engineering on the MX WIPT         repWrong  cost on the MX WIPT
 *   daRight    lead of the MX WIPT with decision authority (the issue's current team)
 *   daWrong    lead of the MX OIPT with decision authority (not the issue's team)
 *   outsider   a member of another program (HX)   anonymous no session
 *
 * Each cell starts from a fresh target in the state the mutation needs, so an allowed call in one
 * cell cannot change what the next one sees.
 */
type Role =
  'admin' | 'pm' | 'repRight' | 'repWrong' | 'daRight' | 'daWrong' | 'outsider' | 'anonymous';
const ROLES: readonly Role[] = [
  'admin',
  'pm',
  'repRight',
  'repWrong',
  'daRight',
  'daWrong',
  'outsider',
  'anonymous',
];

/** Who the design allows; everyone else is refused (FORBIDDEN, or UNAUTHENTICATED without a session). */
const ALLOWED: Record<string, readonly Role[]> = {
  raiseIssue: ['pm', 'repRight', 'repWrong', 'daRight'],
  triageIssue: ['pm', 'daRight'],
  updateIssue: ['pm', 'daRight'],
  addOption: ['pm', 'repRight', 'repWrong', 'daRight'],
  submitRecommendation: ['repRight'],
  waiveDiscipline: ['pm'],
  recordDecision: ['daRight'],
  escalateIssue: ['pm', 'daRight'],
  completeActionItem: ['pm', 'repRight'],
  resolveIssue: ['pm', 'daRight'],
  closeIssue: ['pm', 'daRight'],
  withdrawIssue: ['pm', 'daRight'],
  commentOnIssue: ['pm', 'repRight', 'repWrong', 'daRight', 'daWrong'],
  fileNonConcurrence: ['repRight', 'repWrong', 'daRight'],
  // Chasing the people an issue waits on is the program manager's job alone.
  nudge: ['pm'],
  createProgram: ['admin'],
  updateProgram: ['admin', 'pm'],
  addDiscipline: ['admin', 'pm'],
  setProgramRole: ['admin', 'pm'],
  createTeam: ['admin', 'pm'],
  updateTeam: ['admin', 'pm'],
  addMember: ['admin', 'pm'],
  updateMember: ['admin', 'pm'],
  removeMember: ['admin', 'pm'],
  createUser: ['admin'],
  deactivateUser: ['admin'],
  reactivateUser: ['admin'],
  resetPassword: ['admin'],
  liftSignInLock: ['admin'],
  // The program manager sets the program's deadlines; the sweep is the installation's.
  updateTimelinessPolicy: ['admin', 'pm'],
  runTimelinessSweep: ['admin'],
  // Notifications are personal: everyone signed in reads and tunes their own.
  markNotificationsRead: ['admin', 'pm', 'repRight', 'repWrong', 'daRight', 'daWrong', 'outsider'],
  setNotificationPreference: [
    'admin',
    'pm',
    'repRight',
    'repWrong',
    'daRight',
    'daWrong',
    'outsider',
  ],
  changePassword: ['admin', 'pm', 'repRight', 'repWrong', 'daRight', 'daWrong', 'outsider'],
  // Saved views are personal: anyone who can see the program saves their own; each deletes their own.
  saveView: ['admin', 'pm', 'repRight', 'repWrong', 'daRight', 'daWrong'],
  deleteView: ['admin', 'pm', 'repRight', 'repWrong', 'daRight', 'daWrong', 'outsider'],
};

const PASSWORD = 'matrix-pass-1';
const DAY = 86_400_000;

describe('authorization matrix: every mutation for every role', () => {
  let app: TestApp;
  let admin: ApiClient;
  const clients = new Map<Role, ApiClient>();
  const users = new Map<Role, UserEntity>();
  let wipt: string;
  let oipt: string;
  let issues: IssueCommands;
  let serial = 0;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.as('admin@example.com');
    issues = app.running.app.get(IssueCommands);
    const db = app.running.app.get(DatabaseService);

    await admin.ok(CREATE_PROGRAM, {
      input: {
        key: 'MX',
        name: 'Matrix program',
        phase: 'Technology Maturation',
        timeZone: 'Europe/London',
      },
    });
    oipt = (
      await admin.ok<{ createTeam: { id: string } }>(CREATE_TEAM, {
        input: { programKey: 'MX', name: 'MX OIPT', tier: 'OIPT' },
      })
    ).createTeam.id;
    wipt = (
      await admin.ok<{ createTeam: { id: string } }>(CREATE_TEAM, {
        input: { programKey: 'MX', name: 'MX WIPT', tier: 'WIPT', parentTeamId: oipt },
      })
    ).createTeam.id;
    const person = async (role: Role, email: string) => {
      const created = await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
        input: { email, name: role, password: PASSWORD },
      });
      return created.createUser.id;
    };
    const member = (
      teamId: string,
      userId: string,
      discipline: string,
      role: string,
      decisionAuthority: boolean,
    ) => admin.ok(ADD_MEMBER, { input: { teamId, userId, discipline, role, decisionAuthority } });
    const pm = await person('pm', 'mx-pm@example.org');
    await admin.ok(SET_PROGRAM_ROLE, {
      input: { programKey: 'MX', userId: pm, role: 'PROGRAM_MANAGER' },
    });
    // Creating MX made the admin its first program manager; the matrix wants a plain system admin.
    const adminId = (await admin.ok<{ me: { id: string } }>(`{ me { id } }`)).me.id;
    await admin.ok(SET_PROGRAM_ROLE, { input: { programKey: 'MX', userId: adminId, role: null } });
    await member(
      wipt,
      await person('repRight', 'mx-engineer@example.org'),
      'engineering',
      'CORE',
      false,
    );
    await member(wipt, await person('repWrong', 'mx-cost@example.org'), 'cost', 'CORE', false);
    await member(
      wipt,
      await person('daRight', 'mx-wipt-lead@example.org'),
      'program-management',
      'LEAD',
      true,
    );
    await member(
      oipt,
      await person('daWrong', 'mx-peo@example.org'),
      'program-management',
      'LEAD',
      true,
    );

    const emails: Record<Exclude<Role, 'anonymous'>, [string, string]> = {
      admin: ['admin@example.com', 'ipt-demo-pass'],
      pm: ['mx-pm@example.org', PASSWORD],
      repRight: ['mx-engineer@example.org', PASSWORD],
      repWrong: ['mx-cost@example.org', PASSWORD],
      daRight: ['mx-wipt-lead@example.org', PASSWORD],
      daWrong: ['mx-peo@example.org', PASSWORD],
      outsider: ['engineering@example.com', 'ipt-demo-pass'],
    };
    for (const [role, [email, password]] of Object.entries(emails) as [Role, [string, string]][]) {
      const client = app.client();
      await client.login(email, password);
      clients.set(role, client);
      users.set(role, await db.reader.findOneByOrFail(UserEntity, { email }));
    }
    clients.set('anonymous', app.client());
  });
  afterAll(() => app.stop());

  const as = (role: Role): Caller => ({ user: users.get(role)!, at: app.clock.now() });
  const at = (days: number) => new Date(app.clock.now().getTime() + days * DAY);
  const unique = () => ++serial;

  // Issues in each state, built in-process as the people the design lets do each step.
  async function openIssue(): Promise<IssueEntity> {
    return issues.raise(as('repRight'), {
      programKey: 'MX',
      teamId: wipt,
      title: `Matrix issue ${unique()}`,
      conditionStatement: 'c',
      impactArea: 'COST',
    });
  }
  async function inReview(): Promise<IssueEntity> {
    let issue = await openIssue();
    issue = await issues.triage(as('pm'), {
      issueKey: issue.key,
      version: issue.version,
      ownerId: users.get('repRight')!.id,
      consequence: 3,
      requiredDisciplines: ['engineering', 'cost'],
      dueDates: { recommendations: at(5), decision: at(10), resolution: at(20) },
    });
    return issues.addOption(as('repRight'), {
      issueKey: issue.key,
      version: issue.version,
      title: 'Option A',
    });
  }
  async function awaitingDecision(): Promise<IssueEntity> {
    let issue = await inReview();
    const [option] = await optionsOf(issue);
    issue = await issues.submitRecommendation(as('repRight'), {
      issueKey: issue.key,
      version: issue.version,
      discipline: 'engineering',
      optionId: option!,
      rationale: 'r',
    });
    return issues.submitRecommendation(as('repWrong'), {
      issueKey: issue.key,
      version: issue.version,
      discipline: 'cost',
      optionId: option!,
      rationale: 'r',
    });
  }
  async function decided(actionItem = false): Promise<IssueEntity> {
    const issue = await awaitingDecision();
    const [option] = await optionsOf(issue);
    return issues.recordDecision(as('daRight'), {
      issueKey: issue.key,
      version: issue.version,
      optionId: option!,
      rationale: 'r',
      actionItems: actionItem
        ? [{ title: 'Do it', assigneeId: users.get('repRight')!.id, dueAt: at(7) }]
        : [],
    });
  }
  async function optionsOf(issue: IssueEntity): Promise<string[]> {
    const db = app.running.app.get(DatabaseService);
    return (
      await db.reader.find(OptionEntity, { where: { issueId: issue.id }, order: { label: 'ASC' } })
    ).map((o) => o.id);
  }
  async function newUser(): Promise<string> {
    const email = `matrix-${unique()}@example.org`;
    return (
      await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
        input: { email, name: email, password: PASSWORD },
      })
    ).createUser.id;
  }
  async function newTeam(): Promise<{ id: string; version: number }> {
    const team = await admin.ok<{ createTeam: { id: string; version: number } }>(CREATE_TEAM, {
      input: {
        programKey: 'MX',
        name: `Matrix WIPT ${unique()}`,
        tier: 'WIPT',
        parentTeamId: oipt,
      },
    });
    return team.createTeam;
  }
  async function newMembership(): Promise<string> {
    const added = await admin.ok<{ addMember: { id: string } }>(ADD_MEMBER, {
      input: {
        teamId: wipt,
        userId: await newUser(),
        discipline: 'test',
        role: 'ADVISORY',
        decisionAuthority: false,
      },
    });
    return added.addMember.id;
  }
  async function programVersion(): Promise<number> {
    return (await admin.ok<{ program: { version: number } }>(`{ program(key: "MX") { version } }`))
      .program.version;
  }

  /** For each mutation: prepare a fresh target, and the document and variables to call it with. */
  const CASES: Record<string, () => Promise<[string, Record<string, unknown>]>> = {
    raiseIssue: async () => [
      RAISE,
      {
        input: {
          programKey: 'MX',
          teamId: wipt,
          title: 'Raised',
          conditionStatement: 'c',
          impactArea: 'SCHEDULE',
        },
      },
    ],
    triageIssue: async () => {
      const issue = await openIssue();
      return [
        TRIAGE,
        {
          input: {
            issueKey: issue.key,
            version: issue.version,
            ownerId: users.get('repRight')!.id,
            consequence: 2,
            requiredDisciplines: ['engineering'],
            dueDates: {
              recommendations: at(3).toISOString(),
              decision: at(6).toISOString(),
              resolution: at(9).toISOString(),
            },
          },
        },
      ];
    },
    updateIssue: async () => {
      const issue = await inReview();
      return [
        UPDATE,
        { input: { issueKey: issue.key, version: issue.version, title: `Renamed ${unique()}` } },
      ];
    },
    addOption: async () => {
      const issue = await inReview();
      return [
        ADD_OPTION,
        { input: { issueKey: issue.key, version: issue.version, title: 'Another way' } },
      ];
    },
    submitRecommendation: async () => {
      const issue = await inReview();
      const [option] = await optionsOf(issue);
      return [
        RECOMMEND,
        {
          input: {
            issueKey: issue.key,
            version: issue.version,
            discipline: 'engineering',
            optionId: option,
            rationale: 'r',
          },
        },
      ];
    },
    waiveDiscipline: async () => {
      const issue = await inReview();
      return [
        WAIVE,
        {
          input: { issueKey: issue.key, version: issue.version, discipline: 'cost', reason: 'n/a' },
        },
      ];
    },
    recordDecision: async () => {
      const issue = await awaitingDecision();
      const [option] = await optionsOf(issue);
      return [
        DECIDE,
        {
          input: { issueKey: issue.key, version: issue.version, optionId: option, rationale: 'r' },
        },
      ];
    },
    escalateIssue: async () => {
      const issue = await inReview();
      return [
        ESCALATE,
        { input: { issueKey: issue.key, version: issue.version, reason: 'Too big for the WIPT.' } },
      ];
    },
    completeActionItem: async () => {
      const issue = await decided(true);
      const db = app.running.app.get(DatabaseService);
      const item = await db.reader.findOneByOrFail(ActionItemEntity, { issueId: issue.id });
      return [
        COMPLETE_ACTION_ITEM,
        { input: { issueKey: issue.key, version: issue.version, actionItemId: item.id } },
      ];
    },
    resolveIssue: async () => {
      const issue = await decided();
      return [RESOLVE, { input: { issueKey: issue.key, version: issue.version } }];
    },
    closeIssue: async () => {
      const issue = await decided();
      return [CLOSE, { input: { issueKey: issue.key, version: issue.version } }];
    },
    withdrawIssue: async () => {
      const issue = await inReview();
      return [
        WITHDRAW,
        { input: { issueKey: issue.key, version: issue.version, reason: 'Moot.' } },
      ];
    },
    commentOnIssue: async () => {
      const issue = await inReview();
      return [COMMENT, { input: { issueKey: issue.key, body: 'A thought.' } }];
    },
    fileNonConcurrence: async () => {
      const issue = await decided();
      return [
        NON_CONCUR,
        { input: { issueKey: issue.key, version: issue.version, rationale: 'I disagree.' } },
      ];
    },
    nudge: async () => {
      const issue = await inReview();
      return [
        `mutation ($key: String!) { nudge(issueKey: $key) { issueKey } }`,
        { key: issue.key },
      ];
    },
    createProgram: async () => [
      CREATE_PROGRAM,
      { input: { key: `MX${unique()}`, name: 'Another', phase: 'Production', timeZone: 'UTC' } },
    ],
    updateProgram: async () => [
      UPDATE_PROGRAM,
      { input: { programKey: 'MX', version: await programVersion(), phase: `Phase ${unique()}` } },
    ],
    addDiscipline: async () => [
      ADD_DISCIPLINE,
      { input: { programKey: 'MX', code: `custom-${unique()}`, name: 'Custom discipline' } },
    ],
    setProgramRole: async () => [
      SET_PROGRAM_ROLE,
      { input: { programKey: 'MX', userId: await newUser(), role: 'MEMBER' } },
    ],
    createTeam: async () => [
      CREATE_TEAM,
      {
        input: { programKey: 'MX', name: `New WIPT ${unique()}`, tier: 'WIPT', parentTeamId: oipt },
      },
    ],
    updateTeam: async () => {
      const team = await newTeam();
      return [
        UPDATE_TEAM,
        { input: { teamId: team.id, version: team.version, charter: 'Updated charter' } },
      ];
    },
    addMember: async () => [
      ADD_MEMBER,
      {
        input: {
          teamId: wipt,
          userId: await newUser(),
          discipline: 'test',
          role: 'CORE',
          decisionAuthority: false,
        },
      },
    ],
    updateMember: async () => [
      UPDATE_MEMBER,
      { input: { membershipId: await newMembership(), role: 'CORE' } },
    ],
    removeMember: async () => [REMOVE_MEMBER, { input: { membershipId: await newMembership() } }],
    createUser: async () => [
      CREATE_USER,
      { input: { email: `created-${unique()}@example.org`, name: 'Created', password: PASSWORD } },
    ],
    deactivateUser: async () => [DEACTIVATE_USER, { input: { userId: await newUser() } }],
    reactivateUser: async () => {
      const userId = await newUser();
      await admin.ok(DEACTIVATE_USER, { input: { userId } });
      return [REACTIVATE_USER, { input: { userId } }];
    },
    resetPassword: async () => [
      RESET_PASSWORD,
      { input: { userId: await newUser(), newPassword: 'a-brand-new-pass' } },
    ],
    saveView: async () => [
      SAVE_VIEW,
      { input: { name: `Matrix view ${unique()}`, programKey: 'MX', query: '{}' } },
    ],
    // Filled in per role below: each person deletes a view of their own (someone else's is NOT_FOUND).
    deleteView: async () => [`mutation ($id: ID!) { deleteView(id: $id) { id } }`, {}],
    updateTimelinessPolicy: async () => [
      `mutation ($input: UpdateTimelinessPolicyInput!) {
        updateTimelinessPolicy(input: $input) { recomputedIssues }
      }`,
      {
        input: {
          programKey: 'MX',
          programVersion: await programVersion(),
          allowances: [1, 2, 3, 4, 5].map((consequence) => ({
            consequence,
            triage: 6 - consequence,
            recommendations: 12 - consequence,
            decision: 8 - consequence,
            resolution: 60 - consequence,
          })),
          dayKind: 'BUSINESS',
          holidays: ['2026-12-25'],
          autoEscalationGrace: [{ tier: 'WIPT', days: 2 }],
        },
      },
    ],
    liftSignInLock: async () => [`mutation { liftSignInLock(email: "nobody@example.com") }`, {}],
    runTimelinessSweep: async () => [`mutation { runTimelinessSweep { escalated } }`, {}],
    markNotificationsRead: async () => [`mutation { markNotificationsRead }`, {}],
    setNotificationPreference: async () => [
      `mutation { setNotificationPreference(kind: DECIDED, enabled: false) { kind enabled } }`,
      {},
    ],
    // Each person changes their own password; the session they change it from stays valid.
    changePassword: async () => [
      CHANGE_PASSWORD,
      { input: { currentPassword: PASSWORD, newPassword: `${PASSWORD}-changed` } },
    ],
  };

  const SAVE_VIEW = `mutation ($input: SaveViewInput!) { saveView(input: $input) { id } }`;

  it('covers every mutation in the schema', async () => {
    const schema = await admin.ok<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      `{ __schema { mutationType { fields { name } } } }`,
    );
    const mutations = schema.__schema.mutationType.fields
      .map((f) => f.name)
      .filter((name) => !['login', 'logout'].includes(name));
    expect(Object.keys(CASES).sort()).toEqual(mutations.sort());
    expect(Object.keys(ALLOWED).sort()).toEqual(mutations.sort());
  });

  it.each(Object.keys(ALLOWED))('%s: allowed and refused exactly as designed', async (mutation) => {
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const role of ROLES) {
      const [document, variables] = await CASES[mutation]!();
      // changePassword is about one's own password: the outsider and admin use theirs.
      const own: Record<string, unknown> =
        mutation === 'changePassword' && (role === 'admin' || role === 'outsider')
          ? { input: { currentPassword: 'ipt-demo-pass', newPassword: 'ipt-demo-pass-changed' } }
          : { ...variables };
      if (mutation === 'deleteView' && role !== 'anonymous') {
        const saved = await clients.get(role)!.ok<{ saveView: { id: string } }>(SAVE_VIEW, {
          input: {
            name: `Own view ${unique()}`,
            programKey: role === 'outsider' ? 'HX' : 'MX',
            query: '{}',
          },
        });
        own.id = saved.saveView.id;
      }
      if (mutation === 'deleteView' && role === 'anonymous') own.id = 'any';
      const result = await clients.get(role)!.request(document, own);
      outcomes[role] = result.errors ? (result.errors[0]!.extensions.code as string) : 'allowed';
      expected[role] = ALLOWED[mutation]!.includes(role)
        ? 'allowed'
        : role === 'anonymous'
          ? 'UNAUTHENTICATED'
          : 'FORBIDDEN';
    }
    expect(outcomes).toEqual(expected);
  });
});
