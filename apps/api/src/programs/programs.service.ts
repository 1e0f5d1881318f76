import { Injectable } from '@nestjs/common';
import { ProgramRoleKind, type WorkProfile } from '@ipt/domain';
import { In } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { UserEntity } from '../users/user.entity';
import { ActorService, unseen } from './actor.service';
import { ProgramRoleEntity } from './program-role.entity';
import { ProgramEntity } from './program.entity';

@Injectable()
export class ProgramsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
  ) {}

  async visible(user: UserEntity): Promise<ProgramEntity[]> {
    const ids = await this.actors.visibleProgramIds(this.db.reader, user);
    if (ids === 'all') return this.db.reader.find(ProgramEntity, { order: { key: 'ASC' } });
    return this.db.reader.find(ProgramEntity, { where: { id: In(ids) }, order: { key: 'ASC' } });
  }

  /**
   * The program, refused with FORBIDDEN to people without a role in it, whether or not it exists
   * (NOT_FOUND only for system admins, who see every program).
   */
  async byKey(user: UserEntity, key: string): Promise<ProgramEntity> {
    const program = await this.db.reader.findOneBy(ProgramEntity, {
      key: key.trim().toUpperCase(),
    });
    if (!program) throw unseen(user, 'Program', key);
    await this.actors.authorize(this.db.reader, user, program.id, { action: 'VIEW_PROGRAM' });
    return program;
  }

  /** The explicit roles in a program with their people: program managers first, then by name. */
  async roles(programId: string): Promise<{ user: UserEntity; role: ProgramRoleKind }[]> {
    const rows = await this.db.reader.findBy(ProgramRoleEntity, { programId });
    const users = new Map(
      (await this.db.reader.findBy(UserEntity, { id: In(rows.map((r) => r.userId)) })).map((u) => [
        u.id,
        u,
      ]),
    );
    const rank = (role: ProgramRoleKind) => (role === ProgramRoleKind.PROGRAM_MANAGER ? 0 : 1);
    return rows
      .flatMap((row) => {
        const user = users.get(row.userId);
        return user ? [{ user, role: row.role }] : [];
      })
      .sort(
        (a, b) =>
          rank(a.role) - rank(b.role) ||
          a.user.name.localeCompare(b.user.name) ||
          a.user.email.localeCompare(b.user.email),
      );
  }

  /** The kinds of work `user` does across their programs, in one statement. */
  async workOf(user: UserEntity): Promise<WorkProfile> {
    const memberships = (decisionAuthority: string) =>
      `(SELECT COUNT(*) FROM memberships m INNER JOIN teams t ON t.id = m.team_id` +
      ` WHERE m.user_id = :userId AND t.active = :active` +
      ` AND m.decision_authority = :${decisionAuthority})`;
    const row = await this.db.reader
      .createQueryBuilder()
      .select(
        `(SELECT COUNT(*) FROM program_roles r WHERE r.user_id = :userId AND r.role = :manager)`,
        'programManager',
      )
      .addSelect(memberships('yes'), 'decisionAuthority')
      .addSelect(memberships('no'), 'representative')
      .from(UserEntity, 'u')
      .where('u.id = :userId')
      .setParameters({
        userId: user.id,
        manager: ProgramRoleKind.PROGRAM_MANAGER,
        active: true,
        yes: true,
        no: false,
      })
      .getRawOne<Record<'programManager' | 'decisionAuthority' | 'representative', unknown>>();
    return {
      systemAdmin: user.isSystemAdmin,
      // Counts: numbers on SQLite, bigint text on PostgreSQL.
      programManager: Number(row?.programManager ?? 0) > 0,
      decisionAuthority: Number(row?.decisionAuthority ?? 0) > 0,
      representative: Number(row?.representative ?? 0) > 0,
    };
  }

  async roleOf(user: UserEntity, programId: string): Promise<ProgramRoleKind | null> {
    return (await this.actors.forProgram(this.db.reader, user, programId)).programRole;
  }
}
