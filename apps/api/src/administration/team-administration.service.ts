import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  IssueStatus,
  ProgramRoleKind,
  badInput,
  deactivationProblem,
  ladderProblem,
  orderAsLadder,
  requireText,
  staleVersion,
} from '@ipt/domain';
import { EntityManager, In } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { WriteTransaction } from '../events/write.service';
import { IssueEntity } from '../issues/issue.entity';
import { ActorService, unseen } from '../programs/actor.service';
import { DisciplineEntity } from '../programs/discipline.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramRoleEntity } from '../programs/program-role.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { Caller, writeContext } from '../common/caller';
import { updateIfVersion } from '../database/versioned-update';
import { AddMemberInput } from './dto/add-member.input';
import { CreateTeamInput } from './dto/create-team.input';
import { RemoveMemberInput } from './dto/remove-member.input';
import { UpdateMemberInput } from './dto/update-member.input';
import { UpdateTeamInput } from './dto/update-team.input';

import { programByKey } from './program-administration.service';

/** Issues still being worked; a team holding any of them cannot be deactivated. */
const OPEN_STATUSES: IssueStatus[] = [
  IssueStatus.OPEN,
  IssueStatus.IN_REVIEW,
  IssueStatus.AWAITING_DECISION,
  IssueStatus.DECIDED,
  IssueStatus.RESOLVED,
];

/**
 * The program's IPTs and who sits on them. Program managers (and system admins) change them;
 * the ladder rules live in ./ladder.ts. Each change is one write transaction with its event(s).
 */
@Injectable()
export class TeamAdministrationService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
  ) {}

  /** The program's teams as a tier tree (OIPT first, each team followed by those below it). */
  async ladder(user: UserEntity, programKey: string): Promise<TeamEntity[]> {
    const program = await programByKey(this.db.reader, programKey, user);
    await this.actors.authorize(this.db.reader, user, program.id, { action: 'VIEW_PROGRAM' });
    return orderAsLadder(await this.db.reader.findBy(TeamEntity, { programId: program.id }));
  }

  async createTeam(caller: Caller, input: CreateTeamInput): Promise<TeamEntity> {
    const name = requireText('name', input.name, 200);
    const charter = (input.charter ?? '').trim();
    return this.db.write(writeContext(caller), async (tx) => {
      const program = await programByKey(tx.manager, input.programKey, caller.user);
      await this.actors.authorize(tx.manager, caller.user, program.id, {
        action: 'ADMINISTER_PROGRAM',
      });
      const teams = await tx.manager.findBy(TeamEntity, { programId: program.id });
      requireUniqueName(teams, name, program, null);
      const team = tx.manager.create(TeamEntity, {
        id: randomUUID(),
        programId: program.id,
        name,
        tier: input.tier,
        parentTeamId: input.parentTeamId ?? null,
        charter,
        active: true,
        version: 1,
        createdAt: caller.at,
        updatedAt: caller.at,
      });
      const problem = ladderProblem(team, teams);
      if (problem) throw badInput(problem.field, problem.message);
      await tx.manager.insert(TeamEntity, team);
      await tx.record({
        type: 'TEAM_CREATED',
        entityType: 'Team',
        entityId: team.id,
        programId: program.id,
        after: {
          name,
          tier: team.tier,
          parentTeamId: team.parentTeamId,
          parentTeam: teams.find((t) => t.id === team.parentTeamId)?.name ?? null,
          charter,
          version: team.version,
        },
      });
      return team;
    });
  }

  async updateTeam(caller: Caller, input: UpdateTeamInput): Promise<TeamEntity> {
    const name = input.name == null ? undefined : requireText('name', input.name, 200);
    const charter = input.charter == null ? undefined : input.charter.trim();
    return this.db.write(writeContext(caller), async (tx) => {
      const team = await teamById(tx.manager, input.teamId, caller.user);
      const program = await tx.manager.findOneByOrFail(ProgramEntity, { id: team.programId });
      await this.actors.authorize(tx.manager, caller.user, program.id, {
        action: 'ADMINISTER_PROGRAM',
      });
      if (team.version !== input.version)
        throw staleVersion(`Team ${team.name}`, input.version, team.version);

      const next = {
        ...team,
        name: name ?? team.name,
        charter: charter ?? team.charter,
        // Left out keeps the parent; an explicit null removes it.
        parentTeamId: input.parentTeamId === undefined ? team.parentTeamId : input.parentTeamId,
        active: input.active ?? team.active,
      };
      const fields = ['name', 'charter', 'parentTeamId', 'active'] as const;
      const changed = fields.filter((f) => next[f] !== team[f]);
      if (changed.length === 0) return team;

      const teams = await tx.manager.findBy(TeamEntity, { programId: program.id });
      if (next.name !== team.name) requireUniqueName(teams, next.name, program, team.id);
      const problem = ladderProblem(next, teams);
      if (problem) throw badInput(problem.field, problem.message);
      if (team.active && !next.active) await this.requireCanDeactivate(tx.manager, next, teams);

      const before: Record<string, unknown> = { version: team.version };
      const after: Record<string, unknown> = {};
      for (const field of changed) {
        before[field] = team[field];
        after[field] = next[field];
      }
      Object.assign(team, next, { updatedAt: caller.at });
      team.version = await updateIfVersion(
        tx.manager,
        TeamEntity,
        { id: team.id, what: `Team ${team.name}` },
        input.version,
        { ...after, updatedAt: caller.at },
      );
      await tx.record({
        type: 'TEAM_UPDATED',
        entityType: 'Team',
        entityId: team.id,
        programId: program.id,
        before,
        after: { ...after, name: team.name, version: team.version },
      });
      return team;
    });
  }

  async addMember(caller: Caller, input: AddMemberInput): Promise<MembershipEntity> {
    return this.db.write(writeContext(caller), async (tx) => {
      const team = await teamById(tx.manager, input.teamId, caller.user);
      await this.actors.authorize(tx.manager, caller.user, team.programId, {
        action: 'ADMINISTER_PROGRAM',
      });
      if (!team.active) {
        throw badInput('teamId', `${team.name} is inactive; reactivate it before adding members.`);
      }
      const user = await tx.manager.findOneBy(UserEntity, { id: input.userId });
      if (!user) throw badInput('userId', `There is no account ${input.userId}.`);
      if (!user.active) {
        throw badInput(
          'userId',
          `${user.email} is deactivated; reactivate the account before adding it to a team.`,
        );
      }
      const discipline = await requireDiscipline(tx.manager, team.programId, input.discipline);
      if (await tx.manager.existsBy(MembershipEntity, { teamId: team.id, userId: user.id })) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${user.name} is already on ${team.name}; change that membership instead.`,
          { field: 'userId' },
        );
      }
      const membership = tx.manager.create(MembershipEntity, {
        id: randomUUID(),
        teamId: team.id,
        userId: user.id,
        discipline,
        role: input.role,
        decisionAuthority: input.decisionAuthority ?? false,
        createdAt: caller.at,
      });
      await tx.manager.insert(MembershipEntity, membership);
      await tx.record({
        type: 'MEMBER_ADDED',
        entityType: 'Membership',
        entityId: membership.id,
        programId: team.programId,
        after: membershipFacts(membership, team, user),
      });
      await this.ensureProgramMember(tx, team.programId, user);
      return membership;
    });
  }

  async updateMember(caller: Caller, input: UpdateMemberInput): Promise<MembershipEntity> {
    return this.db.write(writeContext(caller), async (tx) => {
      const { membership, team, user } = await this.membership(
        tx.manager,
        input.membershipId,
        caller.user,
      );
      await this.actors.authorize(tx.manager, caller.user, team.programId, {
        action: 'ADMINISTER_PROGRAM',
      });
      const next = {
        discipline:
          input.discipline == null || input.discipline.trim() === membership.discipline
            ? membership.discipline
            : await requireDiscipline(tx.manager, team.programId, input.discipline),
        role: input.role ?? membership.role,
        decisionAuthority: input.decisionAuthority ?? membership.decisionAuthority,
      };
      const changed = (['discipline', 'role', 'decisionAuthority'] as const).filter(
        (f) => next[f] !== membership[f],
      );
      if (changed.length === 0) return membership;
      const before = membershipFacts(membership, team, user);
      Object.assign(membership, next);
      await tx.manager.update(MembershipEntity, { id: membership.id }, next);
      await tx.record({
        type: 'MEMBER_UPDATED',
        entityType: 'Membership',
        entityId: membership.id,
        programId: team.programId,
        before,
        after: membershipFacts(membership, team, user),
      });
      return membership;
    });
  }

  async removeMember(caller: Caller, input: RemoveMemberInput): Promise<MembershipEntity> {
    return this.db.write(writeContext(caller), async (tx) => {
      const { membership, team, user } = await this.membership(
        tx.manager,
        input.membershipId,
        caller.user,
      );
      await this.actors.authorize(tx.manager, caller.user, team.programId, {
        action: 'ADMINISTER_PROGRAM',
      });
      await tx.manager.delete(MembershipEntity, { id: membership.id });
      await tx.record({
        type: 'MEMBER_REMOVED',
        entityType: 'Membership',
        entityId: membership.id,
        programId: team.programId,
        before: membershipFacts(membership, team, user),
      });
      return membership;
    });
  }

  /** The membership with its team and person; missing, it is what `unseen` says to `viewer`. */
  private async membership(manager: EntityManager, id: string, viewer: UserEntity) {
    const membership = await manager.findOneBy(MembershipEntity, { id });
    if (!membership) throw unseen(viewer, 'Membership', id);
    // In turn: a transaction's connection runs one statement at a time; pg warns, pg 9 refuses.
    const team = await manager.findOneByOrFail(TeamEntity, { id: membership.teamId });
    const user = await manager.findOneByOrFail(UserEntity, { id: membership.userId });
    return { membership, team, user };
  }

  /** Anyone on a team of a program holds at least an explicit MEMBER role in it. */
  private async ensureProgramMember(
    tx: WriteTransaction,
    programId: string,
    user: UserEntity,
  ): Promise<void> {
    if (await tx.manager.existsBy(ProgramRoleEntity, { programId, userId: user.id })) return;
    const id = randomUUID();
    await tx.manager.insert(ProgramRoleEntity, {
      id,
      programId,
      userId: user.id,
      role: ProgramRoleKind.MEMBER,
      createdAt: tx.at,
    });
    await tx.record({
      type: 'PROGRAM_ROLE_SET',
      entityType: 'ProgramRole',
      entityId: id,
      programId,
      before: { userId: user.id, user: user.email, role: null },
      after: { userId: user.id, user: user.email, role: ProgramRoleKind.MEMBER },
    });
  }

  private async requireCanDeactivate(
    manager: EntityManager,
    team: TeamEntity,
    teams: TeamEntity[],
  ): Promise<void> {
    const problem = deactivationProblem(team, teams);
    if (problem) throw new DomainError(ErrorCode.CONFLICT, problem, { field: 'active' });
    const open = await manager.countBy(IssueEntity, {
      currentTeamId: team.id,
      status: In(OPEN_STATUSES),
    });
    if (open > 0) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `${team.name} holds ${open} open issue${open > 1 ? 's' : ''}; close, withdraw or escalate ${open > 1 ? 'them' : 'it'} before deactivating the team.`,
        { field: 'active' },
      );
    }
  }
}

/** The team; missing, it is what `unseen` says to `viewer` (no program to tell them apart by). */
async function teamById(
  manager: EntityManager,
  id: string,
  viewer: UserEntity,
): Promise<TeamEntity> {
  const team = await manager.findOneBy(TeamEntity, { id });
  if (!team) throw unseen(viewer, 'Team', id);
  return team;
}

function requireUniqueName(
  teams: readonly TeamEntity[],
  name: string,
  program: ProgramEntity,
  exceptId: string | null,
): void {
  const clash = teams.find(
    (t) => t.id !== exceptId && t.name.toLocaleLowerCase() === name.toLocaleLowerCase(),
  );
  if (clash) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `Program ${program.key} already has a team named ${clash.name}; choose another name.`,
      { field: 'name' },
    );
  }
}

/** The code of an active discipline of the program, or BAD_USER_INPUT naming the ones there are. */
async function requireDiscipline(
  manager: EntityManager,
  programId: string,
  code: string,
): Promise<string> {
  const trimmed = code.trim();
  const disciplines = await manager.find(DisciplineEntity, {
    where: { programId, active: true },
    order: { code: 'ASC' },
  });
  if (!disciplines.some((d) => d.code === trimmed)) {
    throw badInput(
      'discipline',
      `"${code}" is not a discipline of this program; use one of: ${disciplines.map((d) => d.code).join(', ')}.`,
    );
  }
  return trimmed;
}

function membershipFacts(membership: MembershipEntity, team: TeamEntity, user: UserEntity) {
  return {
    teamId: team.id,
    team: team.name,
    userId: user.id,
    user: user.email,
    discipline: membership.discipline,
    role: membership.role,
    decisionAuthority: membership.decisionAuthority,
  };
}
