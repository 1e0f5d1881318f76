import { Injectable } from '@nestjs/common';
import {
  LifecycleState,
  badInput,
  formatIssueKey,
  notFound,
  notInProgram,
  parseIssueKey,
} from '@ipt/domain';
import { EntityManager, In } from 'typeorm';
import { selectRows } from '../../database/fast-reads';
import { DisciplineEntity } from '../../programs/discipline.entity';
import { ActorService, unseen } from '../../programs/actor.service';
import { MembershipEntity } from '../../programs/membership.entity';
import { ProgramRoleEntity } from '../../programs/program-role.entity';
import { ProgramEntity } from '../../programs/program.entity';
import { TeamEntity } from '../../programs/team.entity';
import { UserEntity } from '../../users/user.entity';
import { IssueEntity } from '../issue.entity';
import { OptionEntity } from '../option.entity';

/** What the issue commands look up and check, on whichever connection they are given. */
@Injectable()
export class IssueLookups {
  constructor(private readonly actors: ActorService) {}

  /**
   * The issue, for `viewer` to go on to authorize. A missing one is NOT_FOUND only to those who
   * may see its program (they know which issues it has anyway); to anyone else it is the
   * outsider's FORBIDDEN, as an existing one is once authorized, so that keys probed in a program
   * one is not in (or one that does not exist) never tell whether an issue exists (ADR 7).
   */
  async issueByKey(manager: EntityManager, key: string, viewer: UserEntity): Promise<IssueEntity> {
    const parsed = parseIssueKey(key);
    if (!parsed) throw badInput('issueKey', `"${key}" is not an issue key; keys look like HX-42.`);
    const issue = await manager.findOneBy(IssueEntity, {
      key: formatIssueKey(parsed.programKey, parsed.number),
    });
    if (issue) return issue;
    const program = await manager.findOneBy(ProgramEntity, { key: parsed.programKey });
    if (await this.actors.maySee(manager, viewer, program?.id ?? null)) {
      throw notFound('Issue', key);
    }
    throw notInProgram();
  }

  /** The program, or what `unseen` says to `viewer` when there is none by that key. */
  async programByKey(
    manager: EntityManager,
    key: string,
    viewer: UserEntity,
  ): Promise<ProgramEntity> {
    const program = await manager.findOneBy(ProgramEntity, { key: key.trim().toUpperCase() });
    if (!program) throw unseen(viewer, 'Program', key);
    return program;
  }

  /** The facts the lifecycle state machine needs about an issue. */
  async lifecycleState(manager: EntityManager, issue: IssueEntity): Promise<LifecycleState> {
    // One statement: every change to an issue asks this first (ADR 0024). Each branch tags its
    // rows; the counts come as numbers (PostgreSQL's bigint as text).
    const rows = await selectRows(manager, LIFECYCLE_FACTS, [
      issue.currentTeamId,
      issue.id,
      issue.id,
      issue.id,
      issue.id,
      issue.id,
    ]);
    const tagged = (tag: string) => rows.filter((row) => row[0] === tag);
    const team = tagged('team')[0];
    if (!team) throw new Error(`Issue ${issue.key} names a team that is not there`);
    return {
      status: issue.status,
      tier: issue.currentTier,
      hasParentTeam: team[1] !== null,
      requiredDisciplines: tagged('required')
        .sort((a, b) => Number(a[2]) - Number(b[2]))
        .map((row) => String(row[1])),
      recommendedDisciplines: tagged('recommended').map((row) => String(row[1])),
      waivedDisciplines: tagged('waived').map((row) => String(row[1])),
      optionCount: Number(tagged('options')[0]?.[2] ?? 0),
      // Only the decision in force has work outstanding; a superseded one's items no longer bind.
      openActionItems: Number(tagged('open-items')[0]?.[2] ?? 0),
    };
  }

  async requireDisciplines(
    manager: EntityManager,
    programId: string,
    codes: string[],
  ): Promise<void> {
    const known = await manager.find(DisciplineEntity, {
      where: { programId, code: In(codes), active: true },
    });
    const unknown = codes.filter((code) => !known.some((d) => d.code === code));
    if (unknown.length > 0) {
      throw badInput(
        'requiredDisciplines',
        `Not a discipline of this program: ${unknown.join(', ')}.`,
      );
    }
  }

  /** A user with a role in the program (owners and assignees must be). */
  async requireProgramPerson(
    manager: EntityManager,
    programId: string,
    userId: string,
    field: string,
  ): Promise<UserEntity> {
    const role = await manager.findOneBy(ProgramRoleEntity, { programId, userId });
    const membership = await manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(TeamEntity, 't', 't.id = m.team_id')
      .where('m.user_id = :userId AND t.program_id = :programId', { userId, programId })
      .getOne();
    const user = role || membership ? await manager.findOneBy(UserEntity, { id: userId }) : null;
    if (!user || !user.active)
      throw badInput(field, `User ${userId} is not an active member of this program.`);
    return user;
  }

  async option(
    manager: EntityManager,
    issue: IssueEntity,
    optionId: string,
  ): Promise<OptionEntity> {
    const option = await manager.findOneBy(OptionEntity, { id: optionId, issueId: issue.id });
    if (!option) throw badInput('optionId', `Option ${optionId} is not an option of ${issue.key}.`);
    return option;
  }
}

/**
 * What the state machine needs to know of an issue beyond its own row (`lifecycleState`). Every
 * column is named: PostgreSQL answers rows as objects, and unnamed columns would share a key.
 */
const LIFECYCLE_FACTS = `
  SELECT 'team' AS tag, parent_team_id AS value, NULL AS n FROM teams WHERE id = ?
  UNION ALL
  SELECT 'required', discipline, position FROM issue_required_disciplines WHERE issue_id = ?
  UNION ALL
  SELECT 'recommended', discipline, NULL FROM recommendations
   WHERE issue_id = ? AND superseded_at IS NULL
  UNION ALL
  SELECT 'waived', discipline, NULL FROM waivers WHERE issue_id = ?
  UNION ALL
  SELECT 'options', NULL, COUNT(*) FROM options WHERE issue_id = ?
  UNION ALL
  SELECT 'open-items', NULL, COUNT(*) FROM action_items a
   INNER JOIN decisions d ON d.id = a.decision_id
   WHERE a.issue_id = ? AND a.done_at IS NULL AND d.superseded_at IS NULL`;
