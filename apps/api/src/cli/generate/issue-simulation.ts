import {
  allowedCommands,
  formatIssueKey,
  optionLabel,
  policyEscalationBreach,
  recordDecision,
  runningStage,
  stageClock,
  STAGES,
  transition,
  type Consequence,
  type ImpactArea,
  type IssueClockFacts,
  type IssueStatus,
  type LifecycleCommand,
  type LifecycleState,
  type Stage,
  type Tier,
} from '@ipt/domain';
import type { IssueEntity } from '../../issues/issue.entity';
import { decisionContentHash } from '../../verification/decision-hash';
import { clockFactsOf } from '../../timeliness/issue-timeliness.writer';
import { issueSnapshot } from '../../timeliness/snapshot';
import { OPTION_TITLES, PROBLEMS, RECOMMENDATION_MEDIAN_DAYS } from './cast';
import type { DueDates } from './due-dates';
import type { Random } from './random';
import type { Sink } from './sink';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface Person {
  readonly id: string;
  readonly name: string;
  /** How fast this person works: multiplies their medians. */
  readonly pace: number;
}

export interface Team {
  readonly id: string;
  readonly ref: string;
  readonly name: string;
  readonly tier: Tier;
  readonly parent: Team | null;
  readonly disciplines: readonly string[];
  readonly lead: Person;
  readonly reps: ReadonlyMap<string, Person>;
  readonly decisionMedianDays: number;
  readonly subjects: readonly string[];
}

export interface World {
  readonly programId: string;
  readonly programKey: string;
  readonly programManager: Person;
  readonly now: number;
  readonly random: Random;
  readonly due: DueDates;
  readonly sink: Sink;
  /** Moves an instant into working hours (people act on weekdays, 08:00-18:00 local). */
  workTime(instant: number): number;
}

/** Faster for higher consequence: the multiplier of every median. */
const CONSEQUENCE_PACE: Readonly<Record<Consequence, number>> = {
  1: 1.6,
  2: 1.3,
  3: 1,
  4: 0.55,
  5: 0.3,
};

type AgendaItem =
  | { readonly at: number; readonly kind: 'triage' | 'option' | 'decide' | 'redecide' }
  | { readonly at: number; readonly kind: 'resolve' | 'close' | 'withdraw' }
  | { readonly at: number; readonly kind: 'escalate-person'; readonly tier: Tier }
  | { readonly at: number; readonly kind: 'escalate-policy'; readonly tier: Tier }
  | { readonly at: number; readonly kind: 'recommend'; readonly discipline: string }
  | { readonly at: number; readonly kind: 'waive'; readonly discipline: string }
  | { readonly at: number; readonly kind: 'complete'; readonly itemId: string }
  | { readonly at: number; readonly kind: 'non-concurrence'; readonly discipline: string };

interface Recommendation {
  readonly id: string;
  readonly optionId: string;
}

interface ActionItem {
  readonly id: string;
  readonly title: string;
  readonly assignee: Person;
  readonly dueAt: number;
  done: boolean;
}

interface Decision {
  readonly id: string;
  readonly optionId: string;
  readonly items: ActionItem[];
}

const iso = (instant: number) => new Date(instant).toISOString();
const isoOrNull = (instant: Date | null) => (instant ? instant.toISOString() : null);

/**
 * One issue's life, played as a small discrete-event simulation until the generation's "now":
 * each step is what a person (or the timeliness policy) would do through the API, checked by the
 * domain's lifecycle state machine, and written as the API writes it: the rows, then one event
 * with the same type and payload (including `after.snapshot`) on the hash chain.
 */
export class IssueSimulation {
  private readonly issue: IssueEntity;
  private team: Team;
  private readonly origin: Team;
  private agenda: AgendaItem[] = [];
  private last = 0;
  private pace = 1;
  private readonly stall: number;
  private required: string[] = [];
  private readonly recommendations = new Map<string, Recommendation>();
  private readonly waived = new Set<string>();
  private readonly options: { id: string; label: string }[] = [];
  private favoured = 0;
  private decision: Decision | null = null;
  private owner: Person | null = null;
  private raisedBy: Person;
  private wantedOptions = 2;

  constructor(
    private readonly world: World,
    number: number,
    team: Team,
    raisedAt: number,
  ) {
    const random = world.random;
    this.team = team;
    this.origin = team;
    const discipline = random.pick(team.disciplines);
    this.raisedBy = team.reps.get(discipline) ?? team.lead;
    const subject = random.pick(team.subjects);
    const problem = random.pick(PROBLEMS);
    const title = `${subject} ${problem}`;
    const consequence = random.chance(0.2) ? this.drawConsequence() : null;
    this.stall = random.chance(0.04) ? random.logNormal(4, 0.4) : 1;
    this.issue = {
      id: random.uuidAt(raisedAt),
      programId: world.programId,
      number,
      key: formatIssueKey(world.programKey, number),
      title,
      conditionStatement: `${title}: found in review on ${team.name}; left alone it will affect the next milestone.`,
      impactArea: random.pick(['COST', 'SCHEDULE', 'PERFORMANCE'] as const) as ImpactArea,
      consequence,
      status: 'OPEN',
      raisedById: this.raisedBy.id,
      ownerId: null,
      originTeamId: team.id,
      currentTeamId: team.id,
      currentTier: team.tier,
      version: 1,
      raisedAt: new Date(raisedAt),
      tierEnteredAt: new Date(raisedAt),
      triagedAt: null,
      readyAt: null,
      decidedAt: null,
      resolvedAt: null,
      closedAt: null,
      withdrawnAt: null,
      triageDueAt: null,
      recommendationsDueAt: null,
      decisionDueAt: null,
      resolutionDueAt: null,
      manualDueStages: [],
      updatedAt: new Date(raisedAt),
    } as IssueEntity;
  }

  /** Plays the issue to the generation's "now" and writes its final row. */
  run(): void {
    const random = this.world.random;
    const raisedAt = this.issue.raisedAt.getTime();
    this.last = raisedAt;
    this.raise();
    this.schedule({ at: raisedAt + random.logNormal(1.5 * DAY, 0.8), kind: 'triage' });
    if (random.chance(0.25)) {
      this.schedule({ at: raisedAt + random.logNormal(2 * HOUR, 0.8), kind: 'option' });
    }
    if (random.chance(0.05)) {
      this.schedule({ at: raisedAt + random.logNormal(12 * DAY, 1), kind: 'withdraw' });
    }
    for (;;) {
      const next = this.takeNext();
      if (!next) break;
      this.play(next);
    }
    this.writeIssueRow();
  }

  /** Ids of everything on this issue sort after the issue's (time-ordered, append-friendly). */
  private newId(): string {
    return this.world.random.uuidAt(this.issue.raisedAt.getTime());
  }

  private drawConsequence(): Consequence {
    return this.world.random.weighted<Consequence>([
      [1, 0.1],
      [2, 0.25],
      [3, 0.35],
      [4, 0.2],
      [5, 0.1],
    ]);
  }

  /** People act in working hours; the policy sweep (system) acts whenever it runs. */
  private schedule(item: AgendaItem): void {
    const at = item.kind === 'escalate-policy' ? item.at : this.world.workTime(item.at);
    this.agenda.push({ ...item, at });
  }

  private takeNext(): AgendaItem | null {
    let best = -1;
    for (let i = 0; i < this.agenda.length; i++) {
      if (best < 0 || (this.agenda[i] as AgendaItem).at < (this.agenda[best] as AgendaItem).at)
        best = i;
    }
    if (best < 0) return null;
    const item = this.agenda[best] as AgendaItem;
    this.agenda.splice(best, 1);
    // Every change is a distinct instant after the one before it.
    const at = Math.max(item.at, this.last + MINUTE);
    if (at > this.world.now) {
      this.agenda = [];
      return null;
    }
    this.last = at;
    return { ...item, at };
  }

  private cancel(predicate: (item: AgendaItem) => boolean): void {
    this.agenda = this.agenda.filter((item) => !predicate(item));
  }

  private state(): LifecycleState {
    return {
      status: this.issue.status,
      tier: this.issue.currentTier,
      hasParentTeam: this.team.parent !== null,
      requiredDisciplines: this.required,
      recommendedDisciplines: [...this.recommendations.keys()],
      waivedDisciplines: [...this.waived],
      optionCount: this.options.length,
      openActionItems: this.decision ? this.decision.items.filter((i) => !i.done).length : 0,
    };
  }

  /** Whether the status admits a command (a step planned earlier may no longer apply). */
  private admits(type: LifecycleCommand['type']): boolean {
    return allowedCommands(this.issue.status).includes(type);
  }

  private play(item: AgendaItem): void {
    switch (item.kind) {
      case 'triage':
        return this.triage(item.at);
      case 'option':
        return this.addOption(item.at);
      case 'recommend':
        return this.recommend(item.at, item.discipline);
      case 'waive':
        return this.waive(item.at, item.discipline);
      case 'escalate-person':
        if (item.tier !== this.issue.currentTier) return;
        return this.escalate(item.at, 'PERSON');
      case 'escalate-policy':
        return this.escalateByPolicy(item.at, item.tier);
      case 'decide':
        return this.decide(item.at, false);
      case 'redecide':
        return this.decide(item.at, true);
      case 'complete':
        return this.complete(item.at, item.itemId);
      case 'non-concurrence':
        return this.nonConcurrence(item.at, item.discipline);
      case 'resolve':
        return this.resolve(item.at);
      case 'close':
        return this.close(item.at);
      case 'withdraw':
        return this.withdraw(item.at);
    }
  }

  private median(days: number, person: Person): number {
    const consequence = this.issue.consequence ?? 3;
    return days * DAY * CONSEQUENCE_PACE[consequence] * person.pace * this.stall;
  }

  // ---- the steps -------------------------------------------------------------------------

  private raise(): void {
    const at = this.issue.raisedAt.getTime();
    this.record(
      at,
      this.raisedBy,
      'ISSUE_RAISED',
      'Issue',
      this.issue.id,
      null,
      {
        key: this.issue.key,
        title: this.issue.title,
        conditionStatement: this.issue.conditionStatement,
        impactArea: this.issue.impactArea,
        consequence: this.issue.consequence,
        team: this.team.name,
        teamId: this.team.id,
        tier: this.team.tier,
      },
      false,
    );
  }

  private triage(at: number): void {
    if (!this.admits('TRIAGE')) return;
    const random = this.world.random;
    const team = this.team;
    const count = random.weighted([
      [2, 0.35],
      [3, 0.4],
      [4, 0.2],
      [5, 0.05],
    ]);
    const pool = [...team.disciplines];
    const required: string[] = [];
    while (required.length < Math.min(count, pool.length)) {
      required.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0] as string);
    }
    const next = this.apply({ type: 'TRIAGE', requiredDisciplines: required });
    const before = {
      status: this.issue.status,
      ownerId: this.issue.ownerId,
      consequence: this.issue.consequence,
    };
    const owner = random.chance(0.7)
      ? (team.reps.get(required[0] as string) ?? team.lead)
      : team.lead;
    this.owner = owner;
    this.required = required;
    const triagedAt = new Date(at);
    for (const [position, discipline] of required.entries()) {
      this.world.sink.insert('issue_required_disciplines', {
        issue_id: this.issue.id,
        discipline,
        position,
        required_at: iso(at),
      });
    }
    Object.assign(this.issue, {
      status: next.status,
      ownerId: owner.id,
      consequence: this.issue.consequence ?? this.drawConsequence(),
      triagedAt,
    });
    this.applyPolicy(at);
    this.record(at, this.world.programManager, 'ISSUE_TRIAGED', 'Issue', this.issue.id, before, {
      status: this.issue.status,
      ownerId: owner.id,
      owner: owner.name,
      consequence: this.issue.consequence,
      requiredDisciplines: required,
      dueDates: {
        recommendations: isoOrNull(this.issue.recommendationsDueAt),
        decision: isoOrNull(this.issue.decisionDueAt),
        resolution: isoOrNull(this.issue.resolutionDueAt),
      },
      manualDueStages: this.issue.manualDueStages,
    });

    this.wantedOptions = random.weighted([
      [2, 0.75],
      [3, 0.2],
      [4, 0.05],
    ]);
    this.favoured = random.weighted([
      [0, 0.5],
      [1, 0.35],
      [2, 0.15],
    ]);
    let optionAt = at;
    for (let i = this.options.length; i < this.wantedOptions; i++) {
      optionAt += random.logNormal(6 * HOUR, 0.7);
      this.schedule({ at: optionAt, kind: 'option' });
    }
    this.scheduleReview(Math.max(at, optionAt), required, false);
    this.schedulePersonEscalation(at);
  }

  /** Asks each discipline for its recommendation (or waives it) from `from`. */
  private scheduleReview(from: number, disciplines: readonly string[], resubmit: boolean): void {
    const random = this.world.random;
    for (const discipline of disciplines) {
      if (!resubmit && random.chance(0.02)) {
        this.schedule({ at: from + random.logNormal(2 * DAY, 0.8), kind: 'waive', discipline });
        continue;
      }
      const person = this.team.reps.get(discipline) ?? this.team.lead;
      const median = this.median(RECOMMENDATION_MEDIAN_DAYS[discipline] ?? 4, person);
      this.schedule({
        at: from + HOUR + random.logNormal(median, 0.9),
        kind: 'recommend',
        discipline,
      });
    }
  }

  private schedulePersonEscalation(from: number): void {
    const random = this.world.random;
    const chance = this.issue.currentTier === 'WIPT' ? 0.05 : 0.04;
    if (this.team.parent && random.chance(chance)) {
      this.schedule({
        at: from + random.logNormal(6 * DAY, 0.7),
        kind: 'escalate-person',
        tier: this.issue.currentTier,
      });
    }
  }

  private addOption(at: number): void {
    if (!this.admits('ADD_OPTION') || this.options.length >= 5) return;
    this.apply({ type: 'ADD_OPTION' });
    const random = this.world.random;
    const label = optionLabel(this.options.length);
    const title = OPTION_TITLES[this.options.length % OPTION_TITLES.length] as string;
    const option = { id: this.newId(), label };
    const author = this.owner ?? this.raisedBy;
    const description = `${title} for ${this.issue.key}.`;
    const impacts = `Cost ${random.int(1, 9)}0k; schedule ${random.int(0, 6)} weeks.`;
    this.world.sink.insert('options', {
      id: option.id,
      issue_id: this.issue.id,
      label,
      title,
      description,
      impacts,
      created_by_id: author.id,
      created_at: iso(at),
    });
    this.options.push(option);
    this.applyPolicy(at);
    this.record(at, author, 'OPTION_ADDED', 'Option', option.id, null, {
      label,
      title,
      description,
      impacts,
    });
  }

  private recommend(at: number, discipline: string): void {
    if (!this.admits('SUBMIT_RECOMMENDATION') || this.waived.has(discipline)) return;
    if (this.options.length === 0) {
      // Nothing to favour yet: the representative waits for the first option.
      this.schedule({ at: at + DAY, kind: 'recommend', discipline });
      return;
    }
    const random = this.world.random;
    const state = this.state();
    const next = this.apply({ type: 'SUBMIT_RECOMMENDATION', discipline });
    const author = this.team.reps.get(discipline) ?? this.team.lead;
    const favoured = Math.min(this.favoured, this.options.length - 1);
    const choice = random.chance(0.78) ? favoured : random.int(0, this.options.length - 1);
    const option = this.options[choice] as { id: string; label: string };
    const previous = this.recommendations.get(discipline);
    const requestedAt = Math.max(
      (this.issue.triagedAt ?? this.issue.raisedAt).getTime(),
      (this.issue.tierEnteredAt ?? this.issue.raisedAt).getTime(),
    );
    const dueAt = isoOrNull(this.issue.recommendationsDueAt);
    const id = this.newId();
    const rationale = `${discipline} view: option ${option.label} best balances risk and cost.`;
    this.world.sink.insert('recommendations', {
      id,
      issue_id: this.issue.id,
      discipline,
      author_id: author.id,
      team_id: this.team.id,
      option_id: option.id,
      rationale,
      impact_assessment: '',
      alternatives: '',
      submitted_at: iso(at),
      requested_at: iso(requestedAt),
      due_at: dueAt,
      superseded_at: null,
      superseded_by_id: null,
    });
    if (previous) {
      this.world.sink.update(
        'UPDATE recommendations SET superseded_at = ?, superseded_by_id = ? WHERE id = ?',
        iso(at),
        id,
        previous.id,
      );
    }
    this.recommendations.set(discipline, { id, optionId: option.id });
    this.becomeReadyIf(next.statusChanged && next.status === 'AWAITING_DECISION', at, next.status);
    this.record(
      at,
      author,
      'RECOMMENDATION_SUBMITTED',
      'Recommendation',
      id,
      previous
        ? { recommendationId: previous.id, optionId: previous.optionId, status: state.status }
        : { status: state.status },
      {
        discipline,
        option: option.label,
        optionId: option.id,
        rationale,
        status: next.status,
        recommendation: {
          discipline,
          teamId: this.team.id,
          tier: this.team.tier,
          requestedAt: iso(requestedAt),
          dueAt,
        },
      },
    );
  }

  private waive(at: number, discipline: string): void {
    if (!this.admits('WAIVE_DISCIPLINE') || this.recommendations.has(discipline)) return;
    if (this.waived.has(discipline)) return;
    const state = this.state();
    const next = this.apply({ type: 'WAIVE_DISCIPLINE', discipline });
    const id = this.newId();
    const reason = `${discipline} has no stake in this issue.`;
    this.world.sink.insert('waivers', {
      id,
      issue_id: this.issue.id,
      discipline,
      reason,
      waived_by_id: this.world.programManager.id,
      waived_at: iso(at),
    });
    this.waived.add(discipline);
    this.becomeReadyIf(next.statusChanged && next.status === 'AWAITING_DECISION', at, next.status);
    this.record(
      at,
      this.world.programManager,
      'DISCIPLINE_WAIVED',
      'Waiver',
      id,
      { status: state.status },
      { discipline, reason, status: next.status },
    );
  }

  /** Sets the status; when the issue just became ready, plans its decision (and any breach). */
  private becomeReadyIf(becameReady: boolean, at: number, status: IssueStatus): void {
    this.issue.status = status;
    if (!becameReady) return;
    this.issue.readyAt = new Date(at);
    this.planDecision(at);
  }

  private planDecision(readyAt: number): void {
    const random = this.world.random;
    this.cancel((item) => item.kind === 'decide' || item.kind === 'escalate-policy');
    this.applyPolicy(readyAt);
    const median = this.median(this.team.decisionMedianDays, this.team.lead);
    this.schedule({ at: readyAt + HOUR + random.logNormal(median, 0.75), kind: 'decide' });
    const breach = this.breach(Number.POSITIVE_INFINITY);
    if (breach) {
      // The policy sweep runs every quarter hour.
      this.schedule({
        at: breach.graceEndsAt + random.int(1, 15) * MINUTE,
        kind: 'escalate-policy',
        tier: this.issue.currentTier,
      });
    }
  }

  /** When the policy sweep will find the issue in breach (past `asOf`), by the domain's rule. */
  private breach(asOf: number): { graceEndsAt: number } | null {
    const decisionDueAt = this.issue.decisionDueAt?.getTime() ?? null;
    const policy = this.world.due.policy;
    const graceDays = policy.autoEscalationGraceDays[this.issue.currentTier];
    const status = this.issue.status;
    if (status !== 'IN_REVIEW' && status !== 'AWAITING_DECISION') return null;
    if (decisionDueAt === null || !this.team.parent || graceDays === undefined) return null;
    const graceEndsAt = this.world.due.dueAfter(decisionDueAt, graceDays, policy.dayKind);
    return asOf < graceEndsAt ? null : { graceEndsAt };
  }

  private escalateByPolicy(at: number, tier: Tier): void {
    if (tier !== this.issue.currentTier || !this.breach(at)) return;
    // The key and reason are the domain's own (a policy escalation is rare enough to afford it).
    const breach = policyEscalationBreach(
      {
        id: this.issue.id,
        status: this.issue.status,
        tier: this.issue.currentTier,
        decisionDueAt: this.issue.decisionDueAt?.getTime() ?? null,
        hasParentTeam: this.team.parent !== null,
      },
      this.world.due.policy,
      this.world.due.calendar,
      at,
    );
    if (!breach)
      throw new Error(`Generated policy breach is none by the domain's rule for ${this.issue.key}`);
    this.escalate(at, 'POLICY', breach);
  }

  private escalate(
    at: number,
    source: 'PERSON' | 'POLICY',
    breach: { key: string; reason: string } | null = null,
  ): void {
    if (!this.admits('ESCALATE') || !this.team.parent) return;
    const random = this.world.random;
    const from = this.team;
    const to = this.team.parent;
    const state = this.state();
    const next = this.apply({ type: 'ESCALATE', parentTier: to.tier });
    // The clock that was running when the issue left its tier.
    const leaving = runningStage(this.clockFacts(), at);
    const fromStage = leaving?.stage ?? null;
    const fromStageStartedAt = leaving?.startedAt == null ? null : iso(leaving.startedAt);
    const fromStageDueAt = leaving?.dueAt == null ? null : iso(leaving.dueAt);
    const id = this.newId();
    const reason =
      breach?.reason ?? `Needs ${to.tier} authority: cuts across ${from.name} and its neighbours.`;
    this.world.sink.insert('escalations', {
      id,
      issue_id: this.issue.id,
      from_team_id: from.id,
      to_team_id: to.id,
      from_tier: from.tier,
      to_tier: to.tier,
      reason,
      source,
      escalated_by_id: source === 'PERSON' ? from.lead.id : null,
      escalated_at: iso(at),
      policy_breach_key: breach?.key ?? null,
      from_stage: fromStage,
      from_stage_started_at: fromStageStartedAt,
      from_stage_due_at: fromStageDueAt,
    });
    this.team = to;
    Object.assign(this.issue, {
      status: next.status,
      currentTeamId: to.id,
      currentTier: to.tier,
      tierEnteredAt: new Date(at),
      readyAt: next.status === 'AWAITING_DECISION' ? new Date(at) : null,
      recommendationsDueAt: null,
      decisionDueAt: null,
      manualDueStages: this.issue.manualDueStages.filter(
        (stage) => stage !== 'RECOMMENDATIONS' && stage !== 'DECISION',
      ),
    });
    // The new tier reviews afresh: what was pending is asked of the new team's representatives,
    // and some who had recommended below say so again at this tier.
    this.cancel(
      (item) =>
        item.kind === 'recommend' ||
        item.kind === 'waive' ||
        item.kind === 'decide' ||
        item.kind === 'escalate-policy' ||
        item.kind === 'escalate-person',
    );
    const pending = this.required.filter(
      (d) => !this.recommendations.has(d) && !this.waived.has(d),
    );
    const again = [...this.recommendations.keys()].filter(() => random.chance(0.3));
    this.scheduleReview(at, [...pending, ...again], true);
    if (next.status === 'AWAITING_DECISION') this.planDecision(at);
    else this.applyPolicy(at);
    this.schedulePersonEscalation(at);
    this.record(
      at,
      source === 'PERSON' ? from.lead : null,
      'ISSUE_ESCALATED',
      'Escalation',
      id,
      { status: state.status, team: from.name, tier: from.tier },
      {
        status: next.status,
        team: to.name,
        tier: to.tier,
        reason,
        source,
        escalation: {
          fromTeamId: from.id,
          toTeamId: to.id,
          fromTier: from.tier,
          toTier: to.tier,
          source,
          fromStage,
          fromStageStartedAt,
          fromStageDueAt,
        },
      },
    );
  }

  private decide(at: number, superseding: boolean): void {
    if (!this.admits('RECORD_DECISION')) return;
    if (superseding !== (this.decision !== null)) return;
    const random = this.world.random;
    const itemCount = superseding
      ? random.int(0, 1)
      : random.weighted([
          [0, 0.35],
          [1, 0.4],
          [2, 0.2],
          [3, 0.05],
        ]);
    const state = this.state();
    const tally = new Map<string, number>();
    for (const r of this.recommendations.values())
      tally.set(r.optionId, (tally.get(r.optionId) ?? 0) + 1);
    let chosen = [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? (this.options[0]?.id as string);
    if (superseding || random.chance(0.12)) {
      const others = this.options.filter((o) => o.id !== this.decision?.optionId);
      chosen = (random.pick(others.length > 0 ? others : this.options) as { id: string }).id;
    }
    const option = this.options.find((o) => o.id === chosen) as { id: string; label: string };
    const previous = this.decision;
    const id = this.newId();
    const rationale = `Option ${option.label}: the ${this.team.tier} weighed every recommendation.`;
    const items: ActionItem[] = [];
    for (let i = 0; i < itemCount; i++) {
      const discipline = random.pick(this.required);
      const assignee = this.team.reps.get(discipline) ?? this.owner ?? this.team.lead;
      const dueAt = this.world.workTime(at + DAY + random.logNormal(18 * DAY, 0.5));
      items.push({
        id: this.newId(),
        title: `Carry out option ${option.label}, part ${i + 1}`,
        assignee,
        dueAt,
        done: false,
      });
    }
    // What the decision is and does is the domain's rule, as for the API's decision command.
    const recorded = recordDecision({
      state,
      decisionId: id,
      issueId: this.issue.id,
      programId: this.world.programId,
      option,
      rationale,
      conditions: '',
      decidedById: this.team.lead.id,
      team: this.team,
      decidedAt: new Date(at),
      readyAt: this.issue.readyAt,
      decisionDueAt: this.issue.decisionDueAt,
      currentRecommendations: [...this.recommendations].map(([discipline, r]) => ({
        id: r.id,
        discipline,
        optionId: r.optionId,
      })),
      inForce: previous,
      actionItems: items.map((item) => ({
        id: item.id,
        title: item.title,
        assigneeId: item.assignee.id,
        dueAt: new Date(item.dueAt),
      })),
    });
    const decision = recorded.decision;
    const dissent = decision.dissentingDisciplines;
    const contentHash = decisionContentHash(decision);
    // The one in force steps down first: the schema allows one decision in force per issue.
    if (recorded.superseded) {
      this.world.sink.update(
        'UPDATE decisions SET superseded_at = ?, superseded_by_id = ? WHERE id = ?',
        iso(at),
        recorded.superseded.supersededById,
        recorded.superseded.id,
      );
    }
    this.world.sink.insert('decisions', {
      id,
      issue_id: decision.issueId,
      program_id: decision.programId,
      option_id: decision.optionId,
      rationale: decision.rationale,
      conditions: decision.conditions,
      decided_by_id: decision.decidedById,
      team_id: decision.teamId,
      tier: decision.tier,
      decided_at: iso(at),
      ready_at: isoOrNull(decision.readyAt),
      due_at: isoOrNull(decision.dueAt),
      considered_recommendation_ids: JSON.stringify(decision.consideredRecommendationIds),
      dissenting_disciplines: JSON.stringify(dissent),
      supersedes_id: decision.supersedesId,
      superseded_by_id: null,
      superseded_at: null,
      content_hash: contentHash,
    });
    for (const item of recorded.actionItems) {
      this.world.sink.insert('action_items', {
        id: item.id,
        decision_id: id,
        issue_id: this.issue.id,
        title: item.title,
        assignee_id: item.assigneeId,
        due_at: item.dueAt.toISOString(),
        done_at: null,
        completed_by_id: null,
      });
    }
    this.decision = { id, optionId: option.id, items };
    Object.assign(this.issue, recorded.issue);
    this.applyPolicy(at);

    // What follows a decision: the work it assigns, then resolution and closure.
    this.cancel(
      (item) =>
        item.kind === 'complete' ||
        item.kind === 'resolve' ||
        item.kind === 'close' ||
        item.kind === 'recommend' ||
        item.kind === 'waive' ||
        item.kind === 'escalate-person' ||
        item.kind === 'escalate-policy',
    );
    for (const item of items) {
      const span = item.dueAt - at;
      this.schedule({
        at: at + span * random.logNormal(0.8, 0.45) * Math.sqrt(this.stall),
        kind: 'complete',
        itemId: item.id,
      });
    }
    if (items.length === 0) this.scheduleResolve(at + this.median(8, this.team.lead));
    if (!superseding && random.chance(0.02)) {
      this.schedule({ at: at + random.logNormal(6 * DAY, 0.8), kind: 'redecide' });
    }
    if (dissent.length > 0 && random.chance(0.06)) {
      this.schedule({
        at: at + random.logNormal(1.5 * DAY, 0.6),
        kind: 'non-concurrence',
        discipline: random.pick(dissent),
      });
    }
    this.record(
      at,
      this.team.lead,
      recorded.eventType,
      'Decision',
      id,
      recorded.eventBefore,
      recorded.eventAfter(contentHash),
    );
  }

  private scheduleResolve(at: number): void {
    this.schedule({ at: at + this.world.random.logNormal(1.5 * DAY, 0.8), kind: 'resolve' });
  }

  private complete(at: number, itemId: string): void {
    const item = this.decision?.items.find((i) => i.id === itemId);
    if (!item || item.done || !this.admits('COMPLETE_ACTION_ITEM')) return;
    const state = this.state();
    this.apply({ type: 'COMPLETE_ACTION_ITEM' });
    item.done = true;
    this.world.sink.update(
      'UPDATE action_items SET done_at = ?, completed_by_id = ? WHERE id = ?',
      iso(at),
      item.assignee.id,
      item.id,
    );
    this.applyPolicy(at);
    this.record(
      at,
      item.assignee,
      'ACTION_ITEM_COMPLETED',
      'ActionItem',
      item.id,
      { doneAt: null },
      {
        title: item.title,
        doneAt: iso(at),
        openActionItems: state.openActionItems - 1,
        issue: this.issue.key,
      },
    );
    if (state.openActionItems - 1 === 0) this.scheduleResolve(at);
  }

  private nonConcurrence(at: number, discipline: string): void {
    if (!this.admits('FILE_NON_CONCURRENCE') || !this.decision) return;
    const author = this.team.reps.get(discipline);
    if (!author) return;
    this.apply({ type: 'FILE_NON_CONCURRENCE' });
    const id = this.newId();
    const rationale = `${discipline} does not concur: the chosen option leaves the risk open.`;
    const reviewTeamId = this.team.parent?.id ?? null;
    this.world.sink.insert('non_concurrences', {
      id,
      decision_id: this.decision.id,
      issue_id: this.issue.id,
      author_id: author.id,
      discipline,
      rationale,
      impacts: '',
      review_team_id: reviewTeamId,
      filed_at: iso(at),
    });
    this.applyPolicy(at);
    this.record(at, author, 'NON_CONCURRENCE_FILED', 'NonConcurrence', id, null, {
      decisionId: this.decision.id,
      discipline,
      rationale,
      reviewTeamId,
    });
  }

  private resolve(at: number): void {
    if (!this.admits('RESOLVE') || this.issue.status !== 'DECIDED') return;
    if (this.state().openActionItems > 0) return;
    const state = this.state();
    const next = this.apply({ type: 'RESOLVE' });
    Object.assign(this.issue, { status: next.status, resolvedAt: new Date(at) });
    this.applyPolicy(at);
    this.record(
      at,
      this.owner ?? this.team.lead,
      'ISSUE_RESOLVED',
      'Issue',
      this.issue.id,
      { status: state.status },
      { status: next.status, note: null },
    );
    this.schedule({ at: at + this.world.random.logNormal(4 * DAY, 0.8), kind: 'close' });
  }

  private close(at: number): void {
    if (!this.admits('CLOSE') || this.issue.status !== 'RESOLVED') return;
    const state = this.state();
    const next = this.apply({ type: 'CLOSE' });
    Object.assign(this.issue, {
      status: next.status,
      closedAt: new Date(at),
      resolvedAt: this.issue.resolvedAt ?? new Date(at),
    });
    this.applyPolicy(at);
    this.record(
      at,
      this.world.programManager,
      'ISSUE_CLOSED',
      'Issue',
      this.issue.id,
      { status: state.status },
      { status: next.status, note: null },
    );
    this.agenda = [];
  }

  private withdraw(at: number): void {
    if (!this.admits('WITHDRAW')) return;
    const state = this.state();
    const next = this.apply({ type: 'WITHDRAW' });
    Object.assign(this.issue, { status: next.status, withdrawnAt: new Date(at) });
    this.applyPolicy(at);
    this.record(
      at,
      this.world.programManager,
      'ISSUE_WITHDRAWN',
      'Issue',
      this.issue.id,
      { status: state.status },
      { status: next.status, reason: 'Overtaken by events; no longer an issue.' },
    );
    this.agenda = [];
  }

  // ---- shared machinery ------------------------------------------------------------------

  /** Asks the domain's state machine (it throws on an illegal move: a generator bug). */
  private apply(command: LifecycleCommand) {
    return transition(this.state(), command);
  }

  /**
   * As `IssueTimelinessWriter.applyPolicy`: every running stage without a date set by hand gets
   * its policy due date (the domain's `policyDueDateChanges`, with the fast due-date arithmetic).
   */
  private applyPolicy(at: number): void {
    const facts = this.clockFacts();
    for (const stage of STAGES) {
      if (this.issue.manualDueStages.includes(stage)) continue;
      const clock = stageClock(facts, stage, at);
      if (clock.state !== 'RUNNING' || clock.startedAt === null) continue;
      const due = this.world.due.policyDue(stage, clock.startedAt, this.issue.consequence);
      if (due !== facts.due[stage]) this.setDue(stage, new Date(due));
    }
  }

  private setDue(stage: Stage, due: Date): void {
    if (stage === 'TRIAGE') this.issue.triageDueAt = due;
    else if (stage === 'RECOMMENDATIONS') this.issue.recommendationsDueAt = due;
    else if (stage === 'DECISION') this.issue.decisionDueAt = due;
    else this.issue.resolutionDueAt = due;
  }

  clockFacts(): IssueClockFacts {
    return clockFactsOf(this.issue);
  }

  /** An issue event as the API records it: version bumped (except on raise), then the snapshot. */
  private record(
    at: number,
    actor: Person | null,
    type: string,
    entityType: string,
    entityId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
    bumpVersion = true,
  ): void {
    this.applyPolicy(at);
    if (bumpVersion) {
      this.issue.version += 1;
      this.issue.updatedAt = new Date(at);
    }
    const pending = this.required.filter(
      (d) => !this.recommendations.has(d) && !this.waived.has(d),
    );
    this.world.sink.event({
      programId: this.world.programId,
      issueId: this.issue.id,
      actorId: actor?.id ?? null,
      type,
      entityType,
      entityId,
      before,
      after: {
        ...after,
        ...(bumpVersion ? { version: this.issue.version } : {}),
        snapshot: issueSnapshot(this.issue, this.required, pending),
      },
      at,
    });
  }

  private writeIssueRow(): void {
    const issue = this.issue;
    const instant = (d: Date | null) => (d ? d.toISOString() : null);
    this.world.sink.insert('issues', {
      id: issue.id,
      program_id: issue.programId,
      number: issue.number,
      key: issue.key,
      title: issue.title,
      condition_statement: issue.conditionStatement,
      impact_area: issue.impactArea,
      consequence: issue.consequence,
      status: issue.status,
      raised_by_id: issue.raisedById,
      owner_id: issue.ownerId,
      origin_team_id: this.origin.id,
      current_team_id: issue.currentTeamId,
      current_tier: issue.currentTier,
      version: issue.version,
      raised_at: instant(issue.raisedAt),
      tier_entered_at: instant(issue.tierEnteredAt),
      triaged_at: instant(issue.triagedAt),
      ready_at: instant(issue.readyAt),
      decided_at: instant(issue.decidedAt),
      resolved_at: instant(issue.resolvedAt),
      closed_at: instant(issue.closedAt),
      withdrawn_at: instant(issue.withdrawnAt),
      triage_due_at: instant(issue.triageDueAt),
      recommendations_due_at: instant(issue.recommendationsDueAt),
      decision_due_at: instant(issue.decisionDueAt),
      resolution_due_at: instant(issue.resolutionDueAt),
      manual_due_stages: JSON.stringify(issue.manualDueStages),
      updated_at: instant(issue.updatedAt),
    });
  }
}
