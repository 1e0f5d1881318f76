import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  ErrorCode,
  Permission,
  ProgramRoleKind,
  assertAuthorized,
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

export function notAMember(programKey: string): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, `You have no role in program ${programKey}.`, {
    requiredRole: 'a role in the program',
  });
}
