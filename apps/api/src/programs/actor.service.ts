import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  Permission,
  ProgramRoleKind,
  assertAuthorized,
  authorize,
  notFound,
  notInProgram,
} from '@ipt/domain';
import { EntityManager } from 'typeorm';
import type { UserEntity } from '../users/user.entity';
import { MembershipEntity } from './membership.entity';
import { ProgramRoleEntity } from './program-role.entity';
import { TeamEntity } from './team.entity';

/** Builds the domain's view of a person within one program, for the permission rules. */
@Injectable()
export class ActorService {
  async forProgram(manager: EntityManager, user: UserEntity, programId: string): Promise<Actor> {
    // In turn: a transaction's connection runs one statement at a time; pg warns, pg 9 refuses.
    const role = await manager.findOneBy(ProgramRoleEntity, { programId, userId: user.id });
    const memberships = await manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(TeamEntity, 't', 't.id = m.team_id')
      .where('m.user_id = :userId AND t.program_id = :programId AND t.active = :active', {
        userId: user.id,
        programId,
        active: true,
      })
      .getMany();
    return {
      userId: user.id,
      isSystemAdmin: user.isSystemAdmin,
      programRole: role?.role ?? (memberships.length > 0 ? ProgramRoleKind.MEMBER : null),
      memberships: memberships.map((m) => ({
        teamId: m.teamId,
        discipline: m.discipline,
        role: m.role,
        decisionAuthority: m.decisionAuthority,
      })),
    };
  }

  /** The program's actor, refused with FORBIDDEN unless they may do `permission` there. */
  async authorize(
    manager: EntityManager,
    user: UserEntity,
    programId: string,
    permission: Permission,
  ): Promise<Actor> {
    const actor = await this.forProgram(manager, user, programId);
    if (permission.action !== 'VIEW_PROGRAM') {
      // Outsiders learn nothing beyond "not a member", whatever they attempted.
      assertAuthorized(actor, { action: 'VIEW_PROGRAM' });
    }
    assertAuthorized(actor, permission);
    return actor;
  }

  /**
   * For what concerns no one program (accounts, creating programs): refused with FORBIDDEN unless
   * the person may, whatever their roles in programs.
   */
  authorizeInstallation(
    user: UserEntity,
    permission: Extract<Permission, { action: 'MANAGE_USERS' | 'CREATE_PROGRAM' }>,
  ): void {
    assertAuthorized(
      { userId: user.id, isSystemAdmin: user.isSystemAdmin, programRole: null, memberships: [] },
      permission,
    );
  }

  /**
   * Whether the person may see the program (system admins see all); false for a program that
   * does not exist (null).
   */
  async maySee(
    manager: EntityManager,
    user: UserEntity,
    programId: string | null,
  ): Promise<boolean> {
    if (user.isSystemAdmin) return true;
    if (programId === null) return false;
    return authorize(await this.forProgram(manager, user, programId), { action: 'VIEW_PROGRAM' })
      .allowed;
  }

  /** Ids of the programs a person can see: all for system admins. */
  async visibleProgramIds(manager: EntityManager, user: UserEntity): Promise<string[] | 'all'> {
    if (user.isSystemAdmin) return 'all';
    const roles = await manager.find(ProgramRoleEntity, {
      where: { userId: user.id },
      select: { programId: true },
    });
    const teams = await manager
      .createQueryBuilder(TeamEntity, 't')
      .select('DISTINCT t.program_id', 'programId')
      .innerJoin(MembershipEntity, 'm', 'm.team_id = t.id')
      .where('m.user_id = :userId', { userId: user.id })
      .getRawMany<{ programId: string }>();
    return [...new Set([...roles.map((r) => r.programId), ...teams.map((t) => t.programId)])];
  }
}

/**
 * The answer when `what` named `key` is not there for `user`. Only system admins, who see every
 * program, learn that it does not exist (NOT_FOUND); anyone else gets the outsider's FORBIDDEN,
 * word for word what they get for one that exists in a program they are not in (ADR 7).
 */
export function unseen(
  user: Pick<UserEntity, 'isSystemAdmin'>,
  what: string,
  key: string,
): DomainError {
  return user.isSystemAdmin ? notFound(what, key) : notInProgram();
}
