import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEFAULT_DISCIPLINES, ImpactArea, ProgramRoleKind } from '@ipt/domain';
import { CLOCK, Clock } from '../common/clock';
import { DatabaseService } from '../database/database.service';
import { IssueEntity } from '../issues/issue.entity';
import { OptionEntity } from '../issues/option.entity';
import { Caller, IssuesService } from '../issues/issues.service';
import { DisciplineEntity } from '../programs/discipline.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramRoleEntity } from '../programs/program-role.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROGRAM, DEMO_TEAMS } from './demo-cast';
import { DEMO_STORIES, DemoStep } from './demo-stories';

const DAY_MS = 86_400_000;

/**
 * Loads the demo program into a new database. Issues are played through the real services at
 * instants relative to the moment of loading, so the demo never ages and its history is genuine.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly db: DatabaseService,
    private readonly users: UsersService,
    private readonly issues: IssuesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(): Promise<void> {
    const now = this.clock.now();
    const setupAt = new Date(now.getTime() - 120 * DAY_MS);
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
    for (const story of DEMO_STORIES) {
      await this.play(story, now, people, teams);
    }
    this.logger.log(`Loaded demo program ${DEMO_PROGRAM.key} with ${DEMO_STORIES.length} issues.`);
  }

  private async createProgram(
    at: Date,
    people: Map<string, UserEntity>,
  ): Promise<Map<string, TeamEntity>> {
    return this.db.write({ actorId: null, at }, async (tx) => {
      const program = tx.manager.create(ProgramEntity, {
        id: randomUUID(),
        ...DEMO_PROGRAM,
        timelinessPolicy: null,
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

  private async play(
    steps: readonly DemoStep[],
    now: Date,
    people: Map<string, UserEntity>,
    teams: Map<string, TeamEntity>,
  ): Promise<void> {
    const when = (days: number) => new Date(now.getTime() + days * DAY_MS);
    const person = (email: string) => {
      const user = people.get(email);
      if (!user) throw new Error(`Demo story names unknown person ${email}`);
      return user;
    };
    let issue: IssueEntity | null = null;
    const optionIds: string[] = [];
    const ref = () => {
      if (!issue) throw new Error('A demo story must start by raising its issue');
      return { issueKey: issue.key, version: issue.version };
    };
    for (const step of steps) {
      const caller: Caller = { user: person(step.by), at: when(step.day) };
      switch (step.kind) {
        case 'raise': {
          const team = teams.get(step.team);
          if (!team) throw new Error(`Demo story names unknown team ${step.team}`);
          issue = await this.issues.raise(caller, {
            programKey: DEMO_PROGRAM.key,
            teamId: team.id,
            title: step.title,
            conditionStatement: step.condition,
            impactArea: step.impactArea as ImpactArea,
            consequence: null,
          });
          break;
        }
        case 'triage':
          issue = await this.issues.triage(caller, {
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
          break;
        case 'option': {
          issue = await this.issues.addOption(caller, {
            ...ref(),
            title: step.title,
            description: step.description,
            impacts: step.impacts,
          });
          const options = await this.db.reader.find(OptionEntity, {
            where: { issueId: issue.id },
            order: { createdAt: 'ASC' },
          });
          optionIds.splice(0, optionIds.length, ...options.map((o) => o.id));
          break;
        }
        case 'recommend':
          issue = await this.issues.submitRecommendation(caller, {
            ...ref(),
            discipline: step.discipline,
            optionId: optionIds[step.option] ?? '',
            rationale: step.rationale,
            impactAssessment: step.impact ?? null,
            alternatives: step.alternatives ?? null,
          });
          break;
        case 'decide':
          issue = await this.issues.recordDecision(caller, {
            ...ref(),
            optionId: optionIds[step.option] ?? '',
            rationale: step.rationale,
            conditions: step.conditions ?? null,
            actionItems: (step.actionItems ?? []).map((item) => ({
              title: item.title,
              assigneeId: person(item.assignee).id,
              dueAt: when(item.dueDay),
            })),
          });
          break;
        case 'close':
          issue = await this.issues.close(caller, { ...ref(), note: step.note ?? null });
          break;
      }
    }
  }
}
