import { Injectable } from '@nestjs/common';
import {
  Actor,
  DomainError,
  Permission,
  ProgramRoleKind,
  TeamRole,
  assertAuthorized,
  authorize,
  notFound,
  notInProgram,
} from '@ipt/domain';
import { EntityManager } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { MembershipEntity } from './membership.entity';
import { ProgramRoleEntity } from './program-role.entity';
import { ProgramEntity } from './program.entity';
import { TeamEntity } from './team.entity';

/** Builds the domain's view of a person within one program, for the permission rules. */
@Injectable()
export class ActorService {
  /** Actors worked out on the reader, per request (the key is the GraphQL request context). */
  private readonly perRequest = new WeakMap<object, Map<string, Promise<Actor>>>();

  /**
   * `forProgram` on the reader, worked out once per request and program: a screen asks for the
   * person's standing in several fields (the issue itself, then what they may do with it).
   */
  inRequest(request: object, reader: EntityManager, user: UserEntity, programId: string) {
    let byProgram = this.perRequest.get(request);
    if (!byProgram) this.perRequest.set(request, (byProgram = new Map()));
    let actor = byProgram.get(programId);
    if (!actor) byProgram.set(programId, (actor = this.forProgram(reader, user, programId)));
    return actor;
  }

  async forProgram(manager: EntityManager, user: UserEntity, programId: string): Promise<Actor> {
    // One statement for the role and the memberships: every request that touches a program asks.
    // A row per active membership in the program, or one row of nulls; the role on each.
    const rows = await manager
      .createQueryBuilder()
      .select('r.role', 'programRole')
      .addSelect('m.id', 'membershipId')
      .addSelect('m.team_id', 'teamId')
      .addSelect('m.discipline', 'discipline')
      .addSelect('m.role', 'teamRole')
      .addSelect('m.decision_authority', 'decisionAuthority')
      .from(UserEntity, 'u')
      .leftJoin(ProgramRoleEntity, 'r', 'r.user_id = u.id AND r.program_id = :programId')
      .leftJoin(
        MembershipEntity,
        'm',
        'm.user_id = u.id AND m.team_id IN ' +
          '(SELECT t.id FROM teams t WHERE t.program_id = :programId AND t.active = :active)',
      )
      .where('u.id = :userId')
      .setParameters({ userId: user.id, programId, active: true })
      .getRawMany<StandingRow>();
    return actorOf(user, rows);
  }

  /**
   * The program with this key and the person's standing in it, in one statement (a screen named
   * by program key would otherwise look the program up, then the standing); null if there is no
   * such program.
   */
  async forProgramKey(
    manager: EntityManager,
    user: UserEntity,
    programKey: string,
  ): Promise<{ programId: string; actor: Actor } | null> {
    // A row per active membership in the program, or one row of nulls; the program and role on
    // each. No row at all: no such program.
    const rows = await manager
      .createQueryBuilder()
      .select('p.id', 'programId')
      .addSelect('r.role', 'programRole')
      .addSelect('m.id', 'membershipId')
      .addSelect('m.team_id', 'teamId')
      .addSelect('m.discipline', 'discipline')
      .addSelect('m.role', 'teamRole')
      .addSelect('m.decision_authority', 'decisionAuthority')
      .from(ProgramEntity, 'p')
      .leftJoin(ProgramRoleEntity, 'r', 'r.program_id = p.id AND r.user_id = :userId')
      .leftJoin(
        MembershipEntity,
        'm',
        'm.user_id = :userId AND m.team_id IN ' +
          '(SELECT t.id FROM teams t WHERE t.program_id = p.id AND t.active = :active)',
      )
      .where('p.key = :programKey')
      .setParameters({ userId: user.id, programKey, active: true })
      .getRawMany<StandingRow & { programId: string }>();
    const first = rows[0];
    return first ? { programId: first.programId, actor: actorOf(user, rows) } : null;
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

/** A row of a person's standing in a program: their role, and one membership or none. */
interface StandingRow {
  programRole: ProgramRoleKind | null;
  membershipId: string | null;
  teamId: string | null;
  discipline: string | null;
  teamRole: TeamRole | null;
  decisionAuthority: boolean | number | null;
}

function actorOf(user: UserEntity, rows: readonly StandingRow[]): Actor {
  const role = rows.find((row) => row.programRole !== null)?.programRole ?? null;
  const seen = new Set<string>();
  const memberships: Actor['memberships'][number][] = [];
  for (const row of rows) {
    if (row.membershipId === null || seen.has(row.membershipId)) continue;
    seen.add(row.membershipId);
    memberships.push({
      teamId: row.teamId ?? '',
      discipline: row.discipline ?? '',
      role: row.teamRole as TeamRole,
      // SQLite answers 0/1, PostgreSQL a boolean.
      decisionAuthority: Boolean(row.decisionAuthority),
    });
  }
  return {
    userId: user.id,
    isSystemAdmin: user.isSystemAdmin,
    programRole: role ?? (memberships.length > 0 ? ProgramRoleKind.MEMBER : null),
    memberships,
  };
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
