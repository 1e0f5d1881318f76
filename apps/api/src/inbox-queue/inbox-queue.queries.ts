import { Inject, Injectable } from '@nestjs/common';
import { IssueStatus } from '@ipt/domain';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CLOCK, Clock } from '../common/clock';
import { DatabaseService } from '../database/database.service';
import { IssueRequiredDisciplineEntity } from '../issues/issue-required-discipline.entity';
import { IssueEntity } from '../issues/issue.entity';
import { ActorService, unseen } from '../programs/actor.service';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramRoleEntity } from '../programs/program-role.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';

/** One discipline of the user still to recommend on one issue. */
export interface InboxItem {
  readonly issue: IssueEntity;
  readonly discipline: string;
  readonly dueAt: Date | null;
  readonly overdue: boolean;
}

/** One issue the user may decide now. */
export interface QueueItem {
  readonly issue: IssueEntity;
  readonly dueAt: Date | null;
  readonly overdue: boolean;
}

/** Statuses in which a required discipline can still be pending. */
const GATHERING: readonly IssueStatus[] = [IssueStatus.IN_REVIEW, IssueStatus.AWAITING_DECISION];

/** A due date's column first by presence (nulls last on SQLite and PostgreSQL alike), then by date. */
function nullsLast(column: string): string {
  return `CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`;
}

/**
 * The inbox and the decision queue: what waits on the signed-in person. Both lists follow from the person's
 * memberships of active teams (the same ones the permission rules count), so everything listed
 * is something they may act on, and nothing outside their programs shows.
 */
@Injectable()
export class InboxQueueQueries {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Issues IN_REVIEW or AWAITING_DECISION whose current team has the user on it for a required
   * discipline that is still pending; one item per (issue, discipline), the recommendations due
   * date first (none last). Two statements, whatever the count.
   */
  async inbox(user: UserEntity, programKey?: string | null): Promise<InboxItem[]> {
    const manager = this.db.reader;
    const programId = await this.programFilter(manager, user, programKey);
    const query = this.onMyTeams(manager, user, programId)
      .innerJoin(
        IssueRequiredDisciplineEntity,
        'rd',
        'rd.issue_id = i.id AND rd.discipline = m.discipline',
      )
      .andWhere('i.status IN (:...gathering)', { gathering: GATHERING })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.issue_id = i.id' +
          ' AND r.discipline = m.discipline AND r.superseded_at IS NULL)',
      )
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM waivers w WHERE w.issue_id = i.id AND w.discipline = m.discipline)',
      )
      .select('i.id', 'issueId')
      .addSelect('m.discipline', 'discipline')
      .orderBy(nullsLast('i.recommendations_due_at'), 'ASC')
      .addOrderBy('i.recommendations_due_at', 'ASC')
      .addOrderBy('i.raised_at', 'ASC')
      .addOrderBy('i.key', 'ASC')
      .addOrderBy('m.discipline', 'ASC');
    const rows = await query.getRawMany<{ issueId: string; discipline: string }>();
    if (rows.length === 0) return [];
    const issues = await manager.findBy(IssueEntity, {
      id: In([...new Set(rows.map((row) => row.issueId))]),
    });
    const byId = new Map(issues.map((issue) => [issue.id, issue]));
    const now = this.clock.now();
    return rows.flatMap(({ issueId, discipline }) => {
      const issue = byId.get(issueId);
      if (!issue) return [];
      const dueAt = issue.recommendationsDueAt;
      return [{ issue, discipline, dueAt, overdue: dueAt !== null && dueAt < now }];
    });
  }

  /**
   * Issues AWAITING_DECISION whose current team gives the user decision authority, the decision
   * due date first (none last), then the longest ready. One statement, whatever the count.
   */
  async decisionQueue(user: UserEntity, programKey?: string | null): Promise<QueueItem[]> {
    const manager = this.db.reader;
    const programId = await this.programFilter(manager, user, programKey);
    const issues = await this.onMyTeams(manager, user, programId)
      .andWhere('m.decision_authority = :authority', { authority: true })
      .andWhere('i.status = :awaiting', { awaiting: IssueStatus.AWAITING_DECISION })
      .orderBy(nullsLast('i.decision_due_at'), 'ASC')
      .addOrderBy('i.decision_due_at', 'ASC')
      .addOrderBy('i.ready_at', 'ASC')
      .addOrderBy('i.key', 'ASC')
      .getMany();
    const now = this.clock.now();
    return issues.map((issue) => {
      const dueAt = issue.decisionDueAt;
      return { issue, dueAt, overdue: dueAt !== null && dueAt < now };
    });
  }

  /**
   * Active people of each program (an explicit role or a team membership), by name: who may be
   * assigned a decision's action items. Three statements for any number of programs.
   */
  async programPeople(programIds: readonly string[]): Promise<UserEntity[][]> {
    const manager = this.db.reader;
    const [roles, memberships] = await Promise.all([
      manager.find(ProgramRoleEntity, {
        where: { programId: In([...programIds]) },
        select: { programId: true, userId: true },
      }),
      manager
        .createQueryBuilder(MembershipEntity, 'm')
        .innerJoin(TeamEntity, 't', 't.id = m.team_id')
        .where('t.program_id IN (:...programIds)', { programIds: [...programIds] })
        .select('DISTINCT t.program_id', 'programId')
        .addSelect('m.user_id', 'userId')
        .getRawMany<{ programId: string; userId: string }>(),
    ]);
    const pairs = [...roles, ...memberships];
    const users = pairs.length
      ? await manager.find(UserEntity, {
          where: { id: In([...new Set(pairs.map((p) => p.userId))]), active: true },
          order: { name: 'ASC', email: 'ASC' },
        })
      : [];
    return programIds.map((programId) => {
      const ids = new Set(pairs.filter((p) => p.programId === programId).map((p) => p.userId));
      return users.filter((u) => ids.has(u.id));
    });
  }

  /** Issues whose current team is an active team the user is on (alias `m`: the membership). */
  private onMyTeams(
    manager: EntityManager,
    user: UserEntity,
    programId: string | null,
  ): SelectQueryBuilder<IssueEntity> {
    const query = manager
      .createQueryBuilder(IssueEntity, 'i')
      .innerJoin(TeamEntity, 't', 't.id = i.current_team_id AND t.active = :active', {
        active: true,
      })
      .innerJoin(MembershipEntity, 'm', 'm.team_id = t.id AND m.user_id = :userId', {
        userId: user.id,
      });
    if (programId) query.where('i.program_id = :programId', { programId });
    return query;
  }

  /** The program named, after checking the user may see it; null when none was named. */
  private async programFilter(
    manager: EntityManager,
    user: UserEntity,
    programKey: string | null | undefined,
  ): Promise<string | null> {
    const key = programKey?.trim().toUpperCase();
    if (!key) return null;
    const program = await manager.findOneBy(ProgramEntity, { key });
    if (!program) throw unseen(user, 'Program', key);
    await this.actors.authorize(manager, user, program.id, { action: 'VIEW_PROGRAM' });
    return program.id;
  }
}
