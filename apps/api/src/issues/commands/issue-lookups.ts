import { Injectable } from '@nestjs/common';
import {
  LifecycleState,
  badInput,
  formatIssueKey,
  notFound,
  notInProgram,
  parseIssueKey,
} from '@ipt/domain';
import { EntityManager, In, IsNull } from 'typeorm';
import { DisciplineEntity } from '../../programs/discipline.entity';
import { ActorService, unseen } from '../../programs/actor.service';
import { MembershipEntity } from '../../programs/membership.entity';
import { ProgramRoleEntity } from '../../programs/program-role.entity';
import { ProgramEntity } from '../../programs/program.entity';
import { TeamEntity } from '../../programs/team.entity';
import { UserEntity } from '../../users/user.entity';
import { ActionItemEntity } from '../action-item.entity';
import { DecisionEntity } from '../decision.entity';
import { IssueRequiredDisciplineEntity } from '../issue-required-discipline.entity';
import { IssueEntity } from '../issue.entity';
import { OptionEntity } from '../option.entity';
import { RecommendationEntity } from '../recommendation.entity';
import { WaiverEntity } from '../waiver.entity';

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
    // In turn: a transaction's connection runs one statement at a time; pg warns, pg 9 refuses.
    const team = await manager.findOneByOrFail(TeamEntity, { id: issue.currentTeamId });
    const required = await manager.find(IssueRequiredDisciplineEntity, {
      where: { issueId: issue.id },
      order: { position: 'ASC' },
    });
    const recommendations = await manager.find(RecommendationEntity, {
      where: { issueId: issue.id, supersededAt: IsNull() },
    });
    const waivers = await manager.find(WaiverEntity, { where: { issueId: issue.id } });
    const optionCount = await manager.countBy(OptionEntity, { issueId: issue.id });
    const openActionItems = await manager
      .createQueryBuilder(ActionItemEntity, 'a')
      .innerJoin(DecisionEntity, 'd', 'd.id = a.decision_id')
      // Only the decision in force has work outstanding; a superseded one's items no longer bind.
      .where('a.issue_id = :issueId AND a.done_at IS NULL AND d.superseded_at IS NULL', {
        issueId: issue.id,
      })
      .getCount();
    return {
      status: issue.status,
      tier: issue.currentTier,
      hasParentTeam: team.parentTeamId !== null,
      requiredDisciplines: required.map((r) => r.discipline),
      recommendedDisciplines: recommendations.map((r) => r.discipline),
      waivedDisciplines: waivers.map((w) => w.discipline),
      optionCount,
      openActionItems,
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
