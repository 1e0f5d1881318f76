import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_DISCIPLINES,
  ImpactArea,
  ProgramRoleKind,
  startingTimelinessPolicy,
} from '@ipt/domain';
import { IsNull } from 'typeorm';
import { CLOCK, Clock } from '../common/clock';
import { DatabaseService } from '../database/database.service';
import { ActionItemEntity } from '../issues/action-item.entity';
import { IssueEntity } from '../issues/issue.entity';
import { OptionEntity } from '../issues/option.entity';
import type { Caller } from '../common/caller';
import { IssueCommands } from '../issues/commands';
import { DisciplineEntity } from '../programs/discipline.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramRoleEntity } from '../programs/program-role.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { NotificationSweepService } from '../notifications/notification-sweep.service';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROGRAM, DEMO_TEAMS } from './demo-cast';
import { settleDemoInbox } from './demo-inbox';
import { DEMO_STORIES, DemoStep, DemoStory } from './demo-stories';

const DAY_MS = 86_400_000;

/** The program and its people exist from this day on (relative to loading); stories come after. */
export const DEMO_SETUP_DAY = -120;

/** One step of one story, at its instant. */
export interface ScheduledStep {
  readonly story: number;
  readonly index: number;
  readonly step: DemoStep;
  readonly at: Date;
}

/**
 * All stories' steps in time order (story order breaks ties), after checking every story: it
 * raises its issue first and only once, and each step is in the past, after the program was set
 * up and after the story's step before it.
 */
export function scheduleDemo(stories: readonly DemoStory[], now: Date): ScheduledStep[] {
  const steps: ScheduledStep[] = [];
  stories.forEach((story, storyIndex) => {
    story.forEach((step, index) => {
      const problem = stepProblem(step, index === 0 ? null : (story[index - 1] ?? null));
      if (problem) {
        const first = story[0];
        const name = first?.kind === 'raise' ? `"${first.title}"` : `number ${storyIndex}`;
        throw new Error(`Demo story ${name}, step ${index} (${step.kind}): ${problem}.`);
      }
      steps.push({
        story: storyIndex,
        index,
        step,
        at: new Date(now.getTime() + step.day * DAY_MS),
      });
    });
  });
  return steps.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.story - b.story || a.index - b.index,
  );
}

function stepProblem(step: DemoStep, previous: DemoStep | null): string | null {
  if ((previous === null) !== (step.kind === 'raise')) {
    return 'a story raises its issue first, and only once';
  }
  if (step.day > 0) return 'a step cannot be in the future';
  if (step.day <= DEMO_SETUP_DAY) {
    return `a step must come after the program set-up (day ${DEMO_SETUP_DAY})`;
  }
  if (previous && step.day <= previous.day) return 'each step must come after the one before it';
  return null;
}

/** What the loader needs to play a step. */
interface Cast {
  readonly now: Date;
  readonly people: Map<string, UserEntity>;
  readonly teams: Map<string, TeamEntity>;
}

/** What a story has done so far: its issue as last returned, its options, its latest action items. */
interface StoryState {
  issue: IssueEntity | null;
  options: Map<string, string>;
  actionItems: readonly string[];
}

/**
 * Loads the demo program into a new database. Issues are played through the real services at
 * instants relative to the moment of loading, so the demo never ages and its history is genuine:
 * every permission and lifecycle rule applies to it as to anyone.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly db: DatabaseService,
    private readonly users: UsersService,
    private readonly issues: IssueCommands,
    private readonly sweeper: NotificationSweepService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(): Promise<void> {
    const started = performance.now();
    const now = this.clock.now();
    const timeline = scheduleDemo(DEMO_STORIES, now);
    const setupAt = new Date(now.getTime() + DEMO_SETUP_DAY * DAY_MS);
    const people = new Map<string, UserEntity>();
    for (const person of DEMO_PEOPLE) {
      const user = await this.users.create(
        { actorId: null, at: setupAt },
        {
          email: person.email,
          name: person.name,
          password: DEMO_PASSWORD,
          isSystemAdmin: person.isSystemAdmin ?? false,
        },
      );
      people.set(person.email, user);
    }
    const teams = await this.createProgram(setupAt, people);
    const cast: Cast = { now, people, teams };
    const stories = DEMO_STORIES.map((): StoryState => ({
      issue: null,
      options: new Map(),
      actionItems: [],
    }));
    for (const { story, index, step, at } of timeline) {
      const state = stories[story] as StoryState;
      try {
        await this.play(state, step, at, cast);
      } catch (error) {
        const key = state.issue?.key ?? 'not yet raised';
        throw new Error(
          `Demo story ${story} (${key}) failed at step ${index} (${step.kind}, day ${step.day}): ${
            error instanceof Error ? error.message : String(error)
          }`,
          { cause: error },
        );
      }
    }
    // The notifications the stories made are written right behind each step: wait for them, tell
    // of what is due or overdue now, and leave unread only what came since yesterday.
    await this.db.write({ actorId: null, at: now }, async () => undefined);
    await this.sweeper.sweep(now);
    await settleDemoInbox(this.db, now);
    const ms = Math.round(performance.now() - started);
    this.logger.log(
      `Loaded demo program ${DEMO_PROGRAM.key}: ${DEMO_STORIES.length} issues, ${timeline.length} steps in ${ms} ms.`,
    );
  }

  private async createProgram(
    at: Date,
    people: Map<string, UserEntity>,
  ): Promise<Map<string, TeamEntity>> {
    return this.db.write({ actorId: null, at }, async (tx) => {
      const program = tx.manager.create(ProgramEntity, {
        id: randomUUID(),
        ...DEMO_PROGRAM,
        // Set up four months before "now"; the calendar runs from then to two years after now.
        timelinessPolicy: startingTimelinessPolicy(at.getUTCFullYear(), at.getUTCFullYear() + 3),
        nextIssueNumber: 1,
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      await tx.manager.save(ProgramEntity, program);
      await tx.record({
        type: 'PROGRAM_CREATED',
        entityType: 'Program',
        entityId: program.id,
        programId: program.id,
        after: DEMO_PROGRAM,
      });
      await tx.manager.insert(
        DisciplineEntity,
        DEFAULT_DISCIPLINES.map((d) => ({
          id: randomUUID(),
          programId: program.id,
          ...d,
          active: true,
        })),
      );
      const teams = new Map<string, TeamEntity>();
      for (const spec of DEMO_TEAMS) {
        const team = tx.manager.create(TeamEntity, {
          id: randomUUID(),
          programId: program.id,
          name: spec.name,
          tier: spec.tier,
          parentTeamId: spec.parent ? (teams.get(spec.parent)?.id ?? null) : null,
          charter: spec.charter,
          active: true,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
        await tx.manager.insert(TeamEntity, team);
        teams.set(spec.ref, team);
        await tx.record({
          type: 'TEAM_CREATED',
          entityType: 'Team',
          entityId: team.id,
          programId: program.id,
          after: { name: team.name, tier: team.tier, parentTeamId: team.parentTeamId },
        });
        for (const [email, [discipline, role, decisionAuthority]] of Object.entries(spec.members)) {
          const user = people.get(email);
          if (!user) throw new Error(`Demo team ${spec.ref} names unknown person ${email}`);
          const membership = {
            id: randomUUID(),
            teamId: team.id,
            userId: user.id,
            discipline,
            role,
            decisionAuthority,
            createdAt: at,
          };
          await tx.manager.insert(MembershipEntity, membership);
          await tx.record({
            type: 'MEMBER_ADDED',
            entityType: 'Membership',
            entityId: membership.id,
            programId: program.id,
            after: { team: team.name, user: user.email, discipline, role, decisionAuthority },
          });
        }
      }
      for (const person of DEMO_PEOPLE) {
        const user = people.get(person.email);
        const onATeam = DEMO_TEAMS.some((team) => person.email in team.members);
        if (!user || (!person.programManager && !onATeam)) continue;
        const role = person.programManager
          ? ProgramRoleKind.PROGRAM_MANAGER
          : ProgramRoleKind.MEMBER;
        await tx.manager.insert(ProgramRoleEntity, {
          id: randomUUID(),
          programId: program.id,
          userId: user.id,
          role,
          createdAt: at,
        });
      }
      return teams;
    });
  }

  /** Plays one step of a story through the real services, as its person, at its instant. */
  private async play(story: StoryState, step: DemoStep, at: Date, cast: Cast): Promise<void> {
    const person = (email: string) => {
      const user = cast.people.get(email);
      if (!user) throw new Error(`Demo story names unknown person ${email}`);
      return user;
    };
    const when = (days: number) => new Date(cast.now.getTime() + days * DAY_MS);
    const ref = () => {
      if (!story.issue) throw new Error('A demo story must start by raising its issue');
      return { issueKey: story.issue.key, version: story.issue.version };
    };
    const caller: Caller = { user: person(step.by), at };
    switch (step.kind) {
      case 'raise': {
        const team = cast.teams.get(step.team);
        if (!team) throw new Error(`Demo story names unknown team ${step.team}`);
        story.issue = await this.issues.raise(caller, {
          programKey: DEMO_PROGRAM.key,
          teamId: team.id,
          title: step.title,
          conditionStatement: step.condition,
          impactArea: step.impactArea as ImpactArea,
          consequence: null,
        });
        return;
      }
      case 'triage':
        story.issue = await this.issues.triage(caller, {
          ...ref(),
          ownerId: person(step.owner).id,
          consequence: step.consequence,
          requiredDisciplines: [...step.disciplines],
          dueDates: {
            recommendations: when(step.due.recommendations),
            decision: when(step.due.decision),
            resolution: when(step.due.resolution),
          },
        });
        return;
      case 'option':
        story.issue = await this.issues.addOption(caller, {
          ...ref(),
          title: step.title,
          description: step.description,
          impacts: step.impacts,
        });
        return;
      case 'recommend':
        story.issue = await this.issues.submitRecommendation(caller, {
          ...ref(),
          discipline: step.discipline,
          optionId: await this.optionId(story, step.option),
          rationale: step.rationale,
          impactAssessment: step.impact ?? null,
          alternatives: step.alternatives ?? null,
        });
        return;
      case 'waive':
        story.issue = await this.issues.waiveDiscipline(caller, {
          ...ref(),
          discipline: step.discipline,
          reason: step.reason,
        });
        return;
      case 'decide': {
        const items = step.actionItems ?? [];
        story.issue = await this.issues.recordDecision(caller, {
          ...ref(),
          optionId: await this.optionId(story, step.option),
          rationale: step.rationale,
          conditions: step.conditions ?? null,
          actionItems: items.map((item) => ({
            title: item.title,
            assigneeId: person(item.assignee).id,
            dueAt: when(item.dueDay),
          })),
        });
        story.actionItems = items.map((item) => item.title);
        return;
      }
      case 'completeActionItem':
        story.issue = await this.issues.completeActionItem(caller, {
          ...ref(),
          actionItemId: await this.actionItemId(story, step.item),
        });
        return;
      case 'nonConcurrence':
        story.issue = await this.issues.fileNonConcurrence(caller, {
          ...ref(),
          rationale: step.rationale,
          impacts: step.impacts ?? null,
        });
        return;
      case 'escalate':
        story.issue = await this.issues.escalate(caller, { ...ref(), reason: step.reason });
        return;
      case 'update': {
        const due = step.due;
        const day = (days: number | undefined) => (days === undefined ? null : when(days));
        story.issue = await this.issues.update(caller, {
          ...ref(),
          title: step.title ?? null,
          conditionStatement: step.condition ?? null,
          consequence: step.consequence ?? null,
          ownerId: step.owner ? person(step.owner).id : null,
          requiredDisciplines: step.disciplines ? [...step.disciplines] : null,
          dueDates: due
            ? {
                triage: day(due.triage),
                recommendations: day(due.recommendations),
                decision: day(due.decision),
                resolution: day(due.resolution),
              }
            : null,
        });
        return;
      }
      case 'resolve':
        story.issue = await this.issues.resolve(caller, { ...ref(), note: step.note ?? null });
        return;
      case 'close':
        story.issue = await this.issues.close(caller, { ...ref(), note: step.note ?? null });
        return;
      case 'withdraw':
        story.issue = await this.issues.withdraw(caller, { ...ref(), reason: step.reason });
        return;
      case 'comment':
        // Comments take no version and leave the issue's alone.
        await this.issues.comment(caller, { issueKey: ref().issueKey, body: step.body });
        return;
    }
  }

  /** The id of an option by its label, read once the story names a label it has not seen. */
  private async optionId(story: StoryState, label: string): Promise<string> {
    const issue = story.issue;
    if (!issue) throw new Error('A demo story must start by raising its issue');
    if (!story.options.has(label)) {
      const options = await this.db.reader.find(OptionEntity, { where: { issueId: issue.id } });
      story.options = new Map(options.map((option) => [option.label, option.id]));
    }
    const id = story.options.get(label);
    if (!id) throw new Error(`The story names option ${label}, which ${issue.key} does not have`);
    return id;
  }

  /** An open action item of the story's issue, by title or by its index in the latest decision. */
  private async actionItemId(story: StoryState, item: number | string): Promise<string> {
    const issue = story.issue;
    if (!issue) throw new Error('A demo story must start by raising its issue');
    const title = typeof item === 'number' ? story.actionItems[item] : item;
    const found = title
      ? await this.db.reader.findOneBy(ActionItemEntity, {
          issueId: issue.id,
          title,
          doneAt: IsNull(),
        })
      : null;
    if (!found) throw new Error(`The story names action item ${item}, not open on ${issue.key}`);
    return found.id;
  }
}
