import { DatabaseService } from 'api/src/database/database.service';
import { IssueEntity } from 'api/src/issues/issue.entity';
import type { Caller } from 'api/src/common/caller';
import { IssueCommands } from 'api/src/issues/commands';
import { OptionEntity } from 'api/src/issues/option.entity';
import { TeamEntity } from 'api/src/programs/team.entity';
import { UserEntity } from 'api/src/users/user.entity';
import type { TestApp } from './app';

export const DAY_MS = 86_400_000;

/** Demo accounts by their e-mail's local part: pm, lead, engineering, test, manufacturing, ... */
export type Person =
  'pm' | 'lead' | 'engineering' | 'test' | 'manufacturing' | 'logistics' | 'cost' | 'contracting';

/** The demo program's teams by name. */
export const TEAM = {
  hardware: 'Radio Hardware WIPT',
  sustainment: 'Test & Sustainment WIPT',
  iipt: 'HX Integrating IPT',
  oipt: 'HX Overarching IPT',
} as const;
export type TeamRef = keyof typeof TEAM;

/**
 * Builds issues in the demo program in-process, through the real issue commands (their rules, their
 * transactions and events), much faster than over HTTP. Each change happens at the test clock's
 * current instant unless `at` says otherwise; every call returns the issue as it now stands.
 */
export class IssueBuilder {
  private constructor(
    private readonly app: TestApp,
    private readonly service: IssueCommands,
    private readonly db: DatabaseService,
    private readonly people: Map<string, UserEntity>,
    private readonly teams: Map<string, TeamEntity>,
  ) {}

  static async create(app: TestApp): Promise<IssueBuilder> {
    const db = app.running.app.get(DatabaseService);
    const [users, teams] = await Promise.all([
      db.reader.find(UserEntity),
      db.reader.find(TeamEntity),
    ]);
    return new IssueBuilder(
      app,
      app.running.app.get(IssueCommands),
      db,
      new Map(users.map((u) => [u.email, u])),
      new Map(teams.map((t) => [t.name, t])),
    );
  }

  user(person: Person): UserEntity {
    const user = this.people.get(`${person}@example.com`);
    if (!user) throw new Error(`No demo user ${person}@example.com`);
    return user;
  }

  team(ref: TeamRef): TeamEntity {
    const team = this.teams.get(TEAM[ref]);
    if (!team) throw new Error(`No demo team ${TEAM[ref]}`);
    return team;
  }

  caller(person: Person, at?: Date): Caller {
    return { user: this.user(person), at: at ?? this.app.clock.now() };
  }

  raise(
    title: string,
    options: { by?: Person; team?: TeamRef; at?: Date } = {},
  ): Promise<IssueEntity> {
    return this.service.raise(this.caller(options.by ?? 'engineering', options.at), {
      programKey: 'HX',
      teamId: this.team(options.team ?? 'hardware').id,
      title,
      conditionStatement: `${title}: built by a system test.`,
      impactArea: 'PERFORMANCE',
    });
  }

  /** Due dates are days from the clock's now (recommendations must lie in the future). */
  triage(
    issue: IssueEntity,
    options: {
      disciplines: string[];
      consequence?: 1 | 2 | 3 | 4 | 5;
      owner?: Person;
      due?: { recommendations: number; decision: number; resolution: number };
    },
  ): Promise<IssueEntity> {
    const now = this.app.clock.now().getTime();
    const due = options.due ?? { recommendations: 5, decision: 10, resolution: 30 };
    return this.service.triage(this.caller('pm'), {
      issueKey: issue.key,
      version: issue.version,
      ownerId: this.user(options.owner ?? 'pm').id,
      consequence: options.consequence ?? 3,
      requiredDisciplines: options.disciplines,
      dueDates: {
        recommendations: new Date(now + due.recommendations * DAY_MS),
        decision: new Date(now + due.decision * DAY_MS),
        resolution: new Date(now + due.resolution * DAY_MS),
      },
    });
  }

  async addOptions(
    issue: IssueEntity,
    count = 2,
    by: Person = 'engineering',
  ): Promise<IssueEntity> {
    let current = issue;
    for (let n = 0; n < count; n++) {
      current = await this.service.addOption(this.caller(by), {
        issueKey: current.key,
        version: current.version,
        title: `Course of action ${n + 1}`,
      });
    }
    return current;
  }

  async optionId(issue: IssueEntity, label: string): Promise<string> {
    const option = await this.db.reader.findOneBy(OptionEntity, { issueId: issue.id, label });
    if (!option) throw new Error(`${issue.key} has no option ${label}`);
    return option.id;
  }

  /** The discipline's representative (the demo account named after it) recommends `label`. */
  async recommend(
    issue: IssueEntity,
    discipline: Person,
    label: string,
    at?: Date,
  ): Promise<IssueEntity> {
    return this.service.submitRecommendation(this.caller(discipline, at), {
      issueKey: issue.key,
      version: issue.version,
      discipline,
      optionId: await this.optionId(issue, label),
      rationale: `${discipline} favours ${label}.`,
    });
  }

  waive(issue: IssueEntity, discipline: string): Promise<IssueEntity> {
    return this.service.waiveDiscipline(this.caller('pm'), {
      issueKey: issue.key,
      version: issue.version,
      discipline,
      reason: `Proceeding without ${discipline}.`,
    });
  }

  async decide(
    issue: IssueEntity,
    label: string,
    options: { by?: Person; at?: Date; actionItemFor?: Person } = {},
  ): Promise<IssueEntity> {
    const at = options.at ?? this.app.clock.now();
    return this.service.recordDecision(this.caller(options.by ?? 'pm', at), {
      issueKey: issue.key,
      version: issue.version,
      optionId: await this.optionId(issue, label),
      rationale: `Option ${label} is best.`,
      actionItems: options.actionItemFor
        ? [
            {
              title: `Carry out option ${label}`,
              assigneeId: this.user(options.actionItemFor).id,
              dueAt: new Date(at.getTime() + 14 * DAY_MS),
            },
          ]
        : [],
    });
  }

  nonConcur(issue: IssueEntity, by: Person): Promise<IssueEntity> {
    return this.service.fileNonConcurrence(this.caller(by), {
      issueKey: issue.key,
      version: issue.version,
      rationale: `${by} cannot concur.`,
    });
  }

  withdraw(issue: IssueEntity): Promise<IssueEntity> {
    return this.service.withdraw(this.caller('pm'), {
      issueKey: issue.key,
      version: issue.version,
      reason: 'Moot.',
    });
  }

  /** Sets the triage due date of an OPEN issue (days from now; may lie in the past). */
  triageDueIn(issue: IssueEntity, days: number): Promise<IssueEntity> {
    return this.service.update(this.caller('pm'), {
      issueKey: issue.key,
      version: issue.version,
      dueDates: { triage: new Date(this.app.clock.now().getTime() + days * DAY_MS) },
    });
  }

  /** Raised on `team`, triaged for `disciplines`, with options A and B. */
  async inReview(
    title: string,
    disciplines: Person[],
    options: { team?: TeamRef; by?: Person; consequence?: 1 | 2 | 3 | 4 | 5; owner?: Person } = {},
  ): Promise<IssueEntity> {
    const raised = await this.raise(title, {
      team: options.team ?? 'hardware',
      by: options.by ?? 'pm',
    });
    const triaged = await this.triage(raised, {
      disciplines,
      consequence: options.consequence ?? 3,
      owner: options.owner ?? 'pm',
    });
    return this.addOptions(triaged, 2, options.by ?? 'pm');
  }

  /** As `inReview`, with each discipline recommending the label given for it. */
  async awaitingDecision(
    title: string,
    recommendations: Partial<Record<Person, string>>,
    options: { team?: TeamRef; by?: Person; consequence?: 1 | 2 | 3 | 4 | 5 } = {},
  ): Promise<IssueEntity> {
    const entries = Object.entries(recommendations) as [Person, string][];
    let issue = await this.inReview(
      title,
      entries.map(([discipline]) => discipline),
      options,
    );
    for (const [discipline, label] of entries)
      issue = await this.recommend(issue, discipline, label);
    return issue;
  }
}
