import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DEFAULT_DISCIPLINES,
  DomainError,
  ErrorCode,
  ProgramRoleKind,
  badInput,
  isDisciplineCode,
  localDateOf,
  requireText,
  staleVersion,
  startingTimelinessPolicy,
} from '@ipt/domain';
import { EntityManager, In, Not } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { WriteTransaction } from '../events/write.service';
import { ActorService, unseen } from '../programs/actor.service';
import { DisciplineEntity } from '../programs/discipline.entity';
import { ProgramRoleEntity } from '../programs/program-role.entity';
import { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';
import { Caller, writeContext } from '../common/caller';
import { updateIfVersion } from '../database/versioned-update';
import { AddDisciplineInput } from './dto/add-discipline.input';
import { CreateProgramInput } from './dto/create-program.input';
import { SetProgramRoleInput } from './dto/set-program-role.input';
import { UpdateProgramInput } from './dto/update-program.input';
import { canonicalTimeZone } from './time-zone';

/**
 * Setting programs up: creating them (system admins), their name, phase and time zone, their
 * disciplines, and who manages them. Each change is one write transaction with its event.
 */
@Injectable()
export class ProgramAdministrationService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
  ) {}

  async create(caller: Caller, input: CreateProgramInput): Promise<ProgramEntity> {
    this.actors.authorizeInstallation(caller.user, { action: 'CREATE_PROGRAM' });
    const key = input.key;
    const name = requireText('name', input.name, 200);
    const phase = requireText('phase', input.phase, 100);
    const timeZone = requireTimeZone(input.timeZone);
    return this.db.write(writeContext(caller), async (tx) => {
      if (await tx.manager.existsBy(ProgramEntity, { key })) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `A program with key ${key} already exists; choose another key.`,
          { field: 'key' },
        );
      }
      const program = tx.manager.create(ProgramEntity, {
        id: randomUUID(),
        key,
        name,
        phase,
        timeZone,
        timelinessPolicy: startingTimelinessPolicy(
          Number(localDateOf(caller.at, timeZone).slice(0, 4)),
        ),
        nextIssueNumber: 1,
        version: 1,
        createdAt: caller.at,
        updatedAt: caller.at,
      });
      // save(), not insert(): the JSON policy column defeats insert()'s deep-partial typing.
      await tx.manager.save(ProgramEntity, program);
      await tx.manager.insert(
        DisciplineEntity,
        DEFAULT_DISCIPLINES.map((d) => ({
          id: randomUUID(),
          programId: program.id,
          code: d.code,
          name: d.name,
          agreeRole: d.agreeRole,
          active: true,
        })),
      );
      await tx.record({
        type: 'PROGRAM_CREATED',
        entityType: 'Program',
        entityId: program.id,
        programId: program.id,
        after: {
          key,
          name,
          phase,
          timeZone,
          disciplines: DEFAULT_DISCIPLINES.map((d) => d.code),
          version: program.version,
        },
      });
      // The creator is its first program manager (docs/domain.md#roles).
      await this.writeRole(tx, program, caller.user, null, ProgramRoleKind.PROGRAM_MANAGER);
      return program;
    });
  }

  async update(caller: Caller, input: UpdateProgramInput): Promise<ProgramEntity> {
    const wanted = {
      name: input.name == null ? undefined : requireText('name', input.name, 200),
      phase: input.phase == null ? undefined : requireText('phase', input.phase, 100),
      timeZone: input.timeZone == null ? undefined : requireTimeZone(input.timeZone),
    };
    return this.db.write(writeContext(caller), async (tx) => {
      const program = await programByKey(tx.manager, input.programKey, caller.user);
      await this.actors.authorize(tx.manager, caller.user, program.id, {
        action: 'ADMINISTER_PROGRAM',
      });
      if (program.version !== input.version)
        throw staleVersion(`Program ${program.key}`, input.version, program.version);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const field of ['name', 'phase', 'timeZone'] as const) {
        const value = wanted[field];
        if (value === undefined || value === program[field]) continue;
        before[field] = program[field];
        after[field] = value;
        program[field] = value;
      }
      if (Object.keys(after).length === 0) return program;
      program.updatedAt = caller.at;
      program.version = await updateIfVersion(
        tx.manager,
        ProgramEntity,
        { id: program.id, what: `Program ${program.key}` },
        input.version,
        { ...after, updatedAt: caller.at },
      );
      await tx.record({
        type: 'PROGRAM_UPDATED',
        entityType: 'Program',
        entityId: program.id,
        programId: program.id,
        before: { ...before, version: input.version },
        after: { ...after, version: program.version },
      });
      return program;
    });
  }

  async addDiscipline(caller: Caller, input: AddDisciplineInput): Promise<ProgramEntity> {
    const code = input.code.trim();
    if (!isDisciplineCode(code)) {
      throw badInput(
        'code',
        `"${input.code}" is not a discipline code: use 2 to 40 lower-case letters, digits and dashes, starting with a letter (e.g. human-factors).`,
      );
    }
    const name = requireText('name', input.name, 100);
    return this.db.write(writeContext(caller), async (tx) => {
      const program = await programByKey(tx.manager, input.programKey, caller.user);
      await this.actors.authorize(tx.manager, caller.user, program.id, {
        action: 'ADMINISTER_PROGRAM',
      });
      const existing = await tx.manager.findOneBy(DisciplineEntity, {
        programId: program.id,
        code,
      });
      if (existing) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Program ${program.key} already has the discipline ${code} (${existing.name}).`,
          { field: 'code' },
        );
      }
      const discipline = tx.manager.create(DisciplineEntity, {
        id: randomUUID(),
        programId: program.id,
        code,
        name,
        agreeRole: input.agreeRole ?? false,
        active: true,
      });
      await tx.manager.insert(DisciplineEntity, discipline);
      await tx.record({
        type: 'DISCIPLINE_ADDED',
        entityType: 'Discipline',
        entityId: discipline.id,
        programId: program.id,
        after: { code, name, agreeRole: discipline.agreeRole },
      });
      return program;
    });
  }

  async setRole(caller: Caller, input: SetProgramRoleInput): Promise<ProgramEntity> {
    const role = input.role ?? null;
    return this.db.write(writeContext(caller), async (tx) => {
      const program = await programByKey(tx.manager, input.programKey, caller.user);
      await this.actors.authorize(tx.manager, caller.user, program.id, {
        action: 'ADMINISTER_PROGRAM',
      });
      const user = await tx.manager.findOneBy(UserEntity, { id: input.userId });
      if (!user) throw badInput('userId', `There is no account ${input.userId}.`);
      const current = await tx.manager.findOneBy(ProgramRoleEntity, {
        programId: program.id,
        userId: user.id,
      });
      if ((current?.role ?? null) === role) return program;
      if (role !== null && !user.active) {
        throw badInput(
          'userId',
          `${user.email} is deactivated; reactivate the account before giving it a role.`,
        );
      }
      if (current?.role === ProgramRoleKind.PROGRAM_MANAGER) {
        const otherManagers = await activeManagers(tx.manager, program.id, user.id);
        if (otherManagers === 0) {
          throw new DomainError(
            ErrorCode.CONFLICT,
            `${user.name} is the last program manager of ${program.key}; make someone else program manager first.`,
            { field: 'role' },
          );
        }
      }
      await this.writeRole(tx, program, user, current, role);
      return program;
    });
  }

  /** Inserts, changes or deletes a person's explicit role, with its event. */
  private async writeRole(
    tx: WriteTransaction,
    program: ProgramEntity,
    user: UserEntity,
    current: ProgramRoleEntity | null,
    role: ProgramRoleKind | null,
  ): Promise<void> {
    const id = current?.id ?? randomUUID();
    if (current && role) {
      await tx.manager.update(ProgramRoleEntity, { id }, { role });
    } else if (current) {
      await tx.manager.delete(ProgramRoleEntity, { id });
    } else if (role) {
      await tx.manager.insert(ProgramRoleEntity, {
        id,
        programId: program.id,
        userId: user.id,
        role,
        createdAt: tx.at,
      });
    }
    await tx.record({
      type: role ? 'PROGRAM_ROLE_SET' : 'PROGRAM_ROLE_REMOVED',
      entityType: 'ProgramRole',
      entityId: id,
      programId: program.id,
      before: { userId: user.id, user: user.email, role: current?.role ?? null },
      after: { userId: user.id, user: user.email, role },
    });
  }
}

/** The program, or what `unseen` says to `viewer` when there is none by that key. */
export async function programByKey(
  manager: EntityManager,
  key: string,
  viewer: UserEntity,
): Promise<ProgramEntity> {
  const program = await manager.findOneBy(ProgramEntity, { key: key.trim().toUpperCase() });
  if (!program) throw unseen(viewer, 'Program', key);
  return program;
}

/** Program managers of a program whose accounts are active, leaving one person out. */
async function activeManagers(
  manager: EntityManager,
  programId: string,
  exceptUserId: string,
): Promise<number> {
  const roles = await manager.findBy(ProgramRoleEntity, {
    programId,
    role: ProgramRoleKind.PROGRAM_MANAGER,
    userId: Not(exceptUserId),
  });
  if (roles.length === 0) return 0;
  return manager.countBy(UserEntity, { id: In(roles.map((r) => r.userId)), active: true });
}

function requireTimeZone(zone: string): string {
  const canonical = canonicalTimeZone(zone);
  if (!canonical) {
    throw badInput(
      'timeZone',
      `"${zone}" is not an IANA time zone; use a name like America/New_York, Europe/Berlin or UTC.`,
    );
  }
  return canonical;
}
