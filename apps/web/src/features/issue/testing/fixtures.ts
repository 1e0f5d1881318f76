import type { IssueDetail } from '../api/get-issue';
import type { IssueProgram } from '../api/get-program-people';

/** The instant the issue-page tests treat as now. */
export const NOW = new Date('2026-03-10T15:00:00.000Z');

export const PAT = { id: 'u-pm', name: 'Pat Morgan' };
export const ENG = { id: 'u-eng', name: 'Erin Engineer' };
export const TESTER = { id: 'u-test', name: 'Terry Tester' };
export const PEO = { id: 'u-peo', name: 'Lee Leader' };

const team = {
  id: 't-wipt',
  name: 'Radio WIPT',
  tier: 'WIPT' as const,
  parentTeam: { id: 't-iipt', name: 'Integration IIPT', tier: 'IIPT' as const },
  members: [
    {
      id: 'm1',
      discipline: 'program-management',
      role: 'LEAD' as const,
      decisionAuthority: true,
      user: PAT,
    },
    {
      id: 'm2',
      discipline: 'engineering',
      role: 'CORE' as const,
      decisionAuthority: false,
      user: ENG,
    },
    { id: 'm3', discipline: 'test', role: 'CORE' as const, decisionAuthority: false, user: TESTER },
  ],
};

const optionA = { id: 'o-a', label: 'A', title: 'Redesign the antenna mount' };
const optionB = { id: 'o-b', label: 'B', title: 'Accept the weight and relax the requirement' };

/** HX-7 awaiting a decision: engineering favours A, test favours B (late), cost waived. */
export function awaitingDecision(overrides: Partial<IssueDetail> = {}): IssueDetail {
  return {
    id: 'i7',
    key: 'HX-7',
    title: 'Antenna mount exceeds weight allocation',
    conditionStatement: 'The mount weighs 2.1 kg against a 1.6 kg allocation.',
    impactArea: 'PERFORMANCE',
    consequence: 4,
    status: 'AWAITING_DECISION',
    tier: 'WIPT',
    version: 6,
    raisedAt: '2026-02-20T14:00:00.000Z',
    triagedAt: '2026-02-21T14:00:00.000Z',
    readyAt: '2026-03-06T14:00:00.000Z',
    decidedAt: null,
    resolvedAt: null,
    closedAt: null,
    withdrawnAt: null,
    currentStage: 'DECISION',
    currentStageDueAt: '2026-03-08T15:00:00.000Z',
    dueDates: {
      triage: '2026-02-22T14:00:00.000Z',
      recommendations: '2026-03-05T04:59:59.999Z',
      decision: '2026-03-08T15:00:00.000Z',
      resolution: '2026-04-01T03:59:59.999Z',
    },
    stageClocks: [
      {
        stage: 'TRIAGE',
        state: 'FINISHED',
        startedAt: '2026-02-20T14:00:00.000Z',
        dueAt: '2026-02-22T14:00:00.000Z',
        dueSource: 'POLICY',
        finishedAt: '2026-02-21T14:00:00.000Z',
        elapsedDays: 1,
        lateByDays: 0,
      },
      {
        stage: 'RECOMMENDATIONS',
        state: 'FINISHED',
        startedAt: '2026-02-21T14:00:00.000Z',
        dueAt: '2026-03-05T04:59:59.999Z',
        dueSource: 'MANUAL',
        finishedAt: '2026-03-06T14:00:00.000Z',
        elapsedDays: 13,
        lateByDays: 1.375,
      },
      {
        stage: 'DECISION',
        state: 'RUNNING',
        startedAt: '2026-03-06T14:00:00.000Z',
        dueAt: '2026-03-08T15:00:00.000Z',
        dueSource: 'POLICY',
        finishedAt: null,
        elapsedDays: 4.04,
        lateByDays: 2,
      },
      {
        stage: 'RESOLUTION',
        state: 'NOT_STARTED',
        startedAt: null,
        dueAt: '2026-04-01T03:59:59.999Z',
        dueSource: 'MANUAL',
        finishedAt: null,
        elapsedDays: 0,
        lateByDays: 0,
      },
    ],
    decisionForecast: {
      p50At: '2026-03-12T15:00:00.000Z',
      p90At: '2026-03-20T15:00:00.000Z',
      basis: 'AUTHORITY',
      basisLabel: '14 past decisions of Radio WIPT',
      basisCount: 14,
      dueAt: '2026-03-08T15:00:00.000Z',
    },
    raisedBy: ENG,
    owner: PAT,
    program: { id: 'p1', key: 'HX', name: 'HX Tactical Radio', timeZone: 'America/New_York' },
    originTeam: { id: 't-wipt', name: 'Radio WIPT', tier: 'WIPT' },
    currentTeam: team,
    requiredDisciplines: ['engineering', 'test', 'cost'],
    options: [
      {
        ...optionA,
        description: 'Machine a titanium mount.',
        impacts: '+$40k, +3 weeks',
        createdAt: '2026-02-22T14:00:00.000Z',
        createdBy: ENG,
      },
      {
        ...optionB,
        description: 'Ask the user to accept 2.1 kg.',
        impacts: 'No cost',
        createdAt: '2026-02-22T15:00:00.000Z',
        createdBy: PAT,
      },
    ],
    coverage: [
      {
        discipline: 'engineering',
        state: 'RECOMMENDED',
        recommendation: {
          id: 'r1',
          submittedAt: '2026-03-02T14:00:00.000Z',
          author: ENG,
          option: optionA,
        },
        waiver: null,
      },
      {
        discipline: 'test',
        state: 'RECOMMENDED',
        recommendation: {
          id: 'r2',
          submittedAt: '2026-03-06T14:00:00.000Z',
          author: TESTER,
          option: optionB,
        },
        waiver: null,
      },
      {
        discipline: 'cost',
        state: 'WAIVED',
        recommendation: null,
        waiver: {
          id: 'w1',
          reason: 'No cost analyst on the WIPT this month.',
          waivedAt: '2026-03-03T14:00:00.000Z',
          waivedBy: PAT,
        },
      },
    ],
    recommendations: [
      {
        id: 'r0',
        discipline: 'engineering',
        rationale: 'First look: relax it.',
        impactAssessment: '',
        alternatives: '',
        submittedAt: '2026-02-25T14:00:00.000Z',
        superseded: true,
        supersededAt: '2026-03-02T14:00:00.000Z',
        author: ENG,
        option: optionB,
        team: { id: 't-wipt', name: 'Radio WIPT', tier: 'WIPT' },
      },
      {
        id: 'r1',
        discipline: 'engineering',
        rationale: 'Titanium meets the allocation.',
        impactAssessment: 'Schedule +3 weeks.',
        alternatives: 'B if the user agrees.',
        submittedAt: '2026-03-02T14:00:00.000Z',
        superseded: false,
        supersededAt: null,
        author: ENG,
        option: optionA,
        team: { id: 't-wipt', name: 'Radio WIPT', tier: 'WIPT' },
      },
      {
        id: 'r2',
        discipline: 'test',
        rationale: 'Retesting a new mount costs a range week.',
        impactAssessment: '',
        alternatives: '',
        submittedAt: '2026-03-06T14:00:00.000Z',
        superseded: false,
        supersededAt: null,
        author: TESTER,
        option: optionB,
        team: { id: 't-wipt', name: 'Radio WIPT', tier: 'WIPT' },
      },
    ],
    decisions: [],
    escalations: [],
    commentCount: 1,
    comments: [
      {
        id: 'c1',
        body: 'Range slots are tight in April.',
        createdAt: '2026-03-07T14:00:00.000Z',
        author: TESTER,
      },
    ],
    timelineSize: 3,
    timeline: [
      {
        seq: 1,
        type: 'ISSUE_RAISED',
        entityType: 'Issue',
        at: '2026-02-20T14:00:00.000Z',
        before: null,
        after: JSON.stringify({ key: 'HX-7', title: 'Antenna mount exceeds weight allocation' }),
        actor: ENG,
      },
      {
        seq: 2,
        type: 'ISSUE_TRIAGED',
        entityType: 'Issue',
        at: '2026-02-21T14:00:00.000Z',
        before: JSON.stringify({ status: 'OPEN', ownerId: null, consequence: null }),
        after: JSON.stringify({
          status: 'IN_REVIEW',
          ownerId: PAT.id,
          owner: PAT.name,
          consequence: 4,
          requiredDisciplines: ['engineering', 'test', 'cost'],
          version: 2,
        }),
        actor: PAT,
      },
      {
        seq: 3,
        type: 'RECOMMENDATION_SUBMITTED',
        entityType: 'Recommendation',
        at: '2026-03-06T14:00:00.000Z',
        before: JSON.stringify({ status: 'IN_REVIEW' }),
        after: JSON.stringify({
          discipline: 'test',
          option: 'B',
          rationale: 'Retesting a new mount costs a range week.',
          status: 'AWAITING_DECISION',
          version: 6,
        }),
        actor: TESTER,
      },
    ],
    viewerActions: ['UPDATE', 'ADD_OPTION', 'RECORD_DECISION', 'ESCALATE', 'WITHDRAW', 'COMMENT'],
    ...overrides,
  };
}

export function program(overrides: Partial<IssueProgram> = {}): IssueProgram {
  const user = (u: { id: string; name: string }, email: string) => ({ ...u, email, active: true });
  return {
    id: 'p1',
    key: 'HX',
    myRole: 'PROGRAM_MANAGER',
    disciplines: [
      { code: 'program-management', name: 'Program management' },
      { code: 'engineering', name: 'Systems engineering' },
      { code: 'test', name: 'Test & evaluation' },
      { code: 'cost', name: 'Cost & financial management' },
    ],
    teams: [
      {
        id: 't-wipt',
        name: 'Radio WIPT',
        tier: 'WIPT',
        active: true,
        members: [
          { id: 'm1', discipline: 'program-management', user: user(PAT, 'pm@example.com') },
          { id: 'm2', discipline: 'engineering', user: user(ENG, 'engineering@example.com') },
          { id: 'm3', discipline: 'test', user: user(TESTER, 'test@example.com') },
        ],
      },
      {
        id: 't-oipt',
        name: 'Program OIPT',
        tier: 'OIPT',
        active: true,
        members: [
          { id: 'm9', discipline: 'program-management', user: user(PEO, 'lead@example.com') },
        ],
      },
    ],
    ...overrides,
  };
}
