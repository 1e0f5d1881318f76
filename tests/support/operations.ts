import type { ApiClient } from './client';

/** The GraphQL documents the system tests use, and factories that build issues by intent. */

export const ISSUE_FIELDS = `
  id key status version tier consequence title conditionStatement
  raisedAt triagedAt readyAt decidedAt resolvedAt closedAt
  dueDates { triage recommendations decision resolution }
  currentStage currentStageDueAt
  owner { email } currentTeam { id name tier }
  requiredDisciplines pendingDisciplines
  coverage { discipline state recommendation { author { email } option { label } } }
  options { id label title }
  recommendations { id discipline superseded option { label } author { email } }
  decisions {
    id superseded dissentingDisciplines option { label } decidedBy { email } tier
    supersedes { id } supersededBy { id }
    actionItems { id title doneAt assignee { email } }
    nonConcurrences { discipline rationale author { email } reviewTeam { name tier } }
  }
  waivers { discipline reason waivedBy { email } }
  escalations { fromTier toTier reason source escalatedBy { email } }
  comments { body author { email } }
  viewerActions
  timeline { seq type actor { email } before after hash }
`;

export interface IssueView {
  id: string;
  key: string;
  status: string;
  version: number;
  tier: string;
  consequence: number | null;
  title: string;
  decidedAt: string | null;
  closedAt: string | null;
  resolvedAt: string | null;
  readyAt: string | null;
  dueDates: {
    triage: string | null;
    recommendations: string | null;
    decision: string | null;
    resolution: string | null;
  };
  currentStage: string | null;
  currentStageDueAt: string | null;
  owner: { email: string } | null;
  currentTeam: { id: string; name: string; tier: string };
  requiredDisciplines: string[];
  pendingDisciplines: string[];
  coverage: {
    discipline: string;
    state: string;
    recommendation: { author: { email: string }; option: { label: string } } | null;
  }[];
  options: { id: string; label: string; title: string }[];
  recommendations: {
    id: string;
    discipline: string;
    superseded: boolean;
    option: { label: string };
    author: { email: string };
  }[];
  decisions: {
    id: string;
    superseded: boolean;
    dissentingDisciplines: string[];
    option: { label: string };
    decidedBy: { email: string };
    tier: string;
    supersedes: { id: string } | null;
    supersededBy: { id: string } | null;
    actionItems: {
      id: string;
      title: string;
      doneAt: string | null;
      assignee: { email: string };
    }[];
    nonConcurrences: {
      discipline: string;
      rationale: string;
      author: { email: string };
      reviewTeam: { name: string; tier: string } | null;
    }[];
  }[];
  waivers: { discipline: string; reason: string; waivedBy: { email: string } }[];
  escalations: {
    fromTier: string;
    toTier: string;
    reason: string;
    source: string;
    escalatedBy: { email: string } | null;
  }[];
  comments: { body: string; author: { email: string } }[];
  viewerActions: string[];
  timeline: {
    seq: number;
    type: string;
    actor: { email: string } | null;
    before: string | null;
    after: string | null;
    hash: string;
  }[];
}

export const RAISE = `mutation ($input: RaiseIssueInput!) { raiseIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const TRIAGE = `mutation ($input: TriageIssueInput!) { triageIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const ADD_OPTION = `mutation ($input: AddOptionInput!) { addOption(input: $input) { ${ISSUE_FIELDS} } }`;
export const RECOMMEND = `mutation ($input: SubmitRecommendationInput!) { submitRecommendation(input: $input) { ${ISSUE_FIELDS} } }`;
export const DECIDE = `mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) { ${ISSUE_FIELDS} } }`;
export const CLOSE = `mutation ($input: CloseIssueInput!) { closeIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const UPDATE = `mutation ($input: UpdateIssueInput!) { updateIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const ESCALATE = `mutation ($input: EscalateIssueInput!) { escalateIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const WAIVE = `mutation ($input: WaiveDisciplineInput!) { waiveDiscipline(input: $input) { ${ISSUE_FIELDS} } }`;
export const RESOLVE = `mutation ($input: ResolveIssueInput!) { resolveIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const WITHDRAW = `mutation ($input: WithdrawIssueInput!) { withdrawIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const COMPLETE_ACTION_ITEM = `mutation ($input: CompleteActionItemInput!) { completeActionItem(input: $input) { ${ISSUE_FIELDS} } }`;
export const COMMENT = `mutation ($input: CommentOnIssueInput!) { commentOnIssue(input: $input) { ${ISSUE_FIELDS} } }`;
export const NON_CONCUR = `mutation ($input: FileNonConcurrenceInput!) { fileNonConcurrence(input: $input) { ${ISSUE_FIELDS} } }`;
export const ISSUE = `query ($key: String!) { issue(key: $key) { ${ISSUE_FIELDS} } }`;
export const TEAMS = `query ($key: String!) { program(key: $key) { id key teams { id name tier } } }`;
export const ME = `{ me { id email name } }`;

export async function teamId(client: ApiClient, name: string): Promise<string> {
  const data = await client.ok<{ program: { teams: { id: string; name: string }[] } }>(TEAMS, {
    key: 'HX',
  });
  const team = data.program.teams.find((t) => t.name === name);
  if (!team) throw new Error(`No team ${name}`);
  return team.id;
}

export async function userId(client: ApiClient): Promise<string> {
  return (await client.ok<{ me: { id: string } }>(ME)).me.id;
}

export const HARDWARE_WIPT = 'Radio Hardware WIPT';

/** Who plays which part in the scenarios, from the demo program's cast. */
export interface Cast {
  pm: ApiClient;
  engineering: ApiClient;
  test: ApiClient;
  manufacturing: ApiClient;
  cost: ApiClient;
  lead: ApiClient;
}

export async function raiseOn(
  client: ApiClient,
  team: string,
  title = 'Vibration fatigue crack in the mounting bracket',
): Promise<IssueView> {
  const data = await client.ok<{ raiseIssue: IssueView }>(RAISE, {
    input: {
      programKey: 'HX',
      teamId: await teamId(client, team),
      title,
      conditionStatement:
        'Cracks appeared at the bracket weld after 2 hours of random vibration; qualification requires 6.',
      impactArea: 'PERFORMANCE',
    },
  });
  return data.raiseIssue;
}

export function dueDates(
  from: string,
  days: { recommendations: number; decision: number; resolution: number },
) {
  const at = (n: number) => new Date(Date.parse(from) + n * 86_400_000).toISOString();
  return {
    recommendations: at(days.recommendations),
    decision: at(days.decision),
    resolution: at(days.resolution),
  };
}

export async function triage(
  cast: Cast,
  issue: IssueView,
  now: string,
  disciplines = ['engineering', 'test'],
): Promise<IssueView> {
  const data = await cast.pm.ok<{ triageIssue: IssueView }>(TRIAGE, {
    input: {
      issueKey: issue.key,
      version: issue.version,
      ownerId: await userId(cast.engineering),
      consequence: 4,
      requiredDisciplines: disciplines,
      dueDates: dueDates(now, { recommendations: 5, decision: 10, resolution: 30 }),
    },
  });
  return data.triageIssue;
}

export async function addOption(
  client: ApiClient,
  issue: IssueView,
  title: string,
): Promise<IssueView> {
  return (
    await client.ok<{ addOption: IssueView }>(ADD_OPTION, {
      input: { issueKey: issue.key, version: issue.version, title },
    })
  ).addOption;
}

export async function recommend(
  client: ApiClient,
  issue: IssueView,
  discipline: string,
  label: string,
): Promise<IssueView> {
  const option = issue.options.find((o) => o.label === label);
  const data = await client.ok<{ submitRecommendation: IssueView }>(RECOMMEND, {
    input: {
      issueKey: issue.key,
      version: issue.version,
      discipline,
      optionId: option?.id,
      rationale: `${discipline} favours ${label}.`,
    },
  });
  return data.submitRecommendation;
}

/** An issue triaged for engineering and test, with options A and B, on the hardware WIPT. */
export async function anIssueInReview(cast: Cast, now: string): Promise<IssueView> {
  let issue = await raiseOn(cast.engineering, HARDWARE_WIPT);
  issue = await triage(cast, issue, now);
  issue = await addOption(cast.engineering, issue, 'Add a gusset to the bracket');
  return addOption(cast.engineering, issue, 'Change to a machined bracket');
}

/** As above, with both disciplines recommended (engineering A, test B). */
export async function anIssueAwaitingDecision(cast: Cast, now: string): Promise<IssueView> {
  let issue = await anIssueInReview(cast, now);
  issue = await recommend(cast.engineering, issue, 'engineering', 'A');
  return recommend(cast.test, issue, 'test', 'B');
}

export async function signInCast(as: (email: string) => Promise<ApiClient>): Promise<Cast> {
  const [pm, engineering, test, manufacturing, cost, lead] = await Promise.all(
    ['pm', 'engineering', 'test', 'manufacturing', 'cost', 'lead'].map((name) =>
      as(`${name}@example.com`),
    ),
  );
  return {
    pm: pm!,
    engineering: engineering!,
    test: test!,
    manufacturing: manufacturing!,
    cost: cost!,
    lead: lead!,
  };
}

/** Decides an issue awaiting decision on option A as the program manager (DA on the WIPTs and IIPT). */
export async function decide(
  client: ApiClient,
  issue: IssueView,
  label = 'A',
  actionItems: { title: string; assigneeId: string; dueAt: string }[] = [],
): Promise<IssueView> {
  const option = issue.options.find((o) => o.label === label);
  const data = await client.ok<{ recordDecision: IssueView }>(DECIDE, {
    input: {
      issueKey: issue.key,
      version: issue.version,
      optionId: option?.id,
      rationale: `Option ${label} is best.`,
      actionItems,
    },
  });
  return data.recordDecision;
}
