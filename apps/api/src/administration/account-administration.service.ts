import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, badInput, notFound } from '@ipt/domain';
import { EntityManager, Not } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { passwordMatches } from '../auth/passwords';
import { endSessions, tokenHash } from '../auth/sessions';
import { DatabaseService } from '../database/database.service';
import { ActorService } from '../programs/actor.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { deactivationRefusal } from './account-rules';
import { Caller, writeContext } from '../common/caller';
import { ChangePasswordInput } from './dto/change-password.input';
import { CreateUserInput } from './dto/create-user.input';
import { ResetPasswordInput } from './dto/reset-password.input';
import { UserRefInput } from './dto/user-ref.input';

/**
 * Accounts: system admins create, deactivate, reactivate and reset them; everyone changes their
 * own password. Whatever ends a person's access ends their sessions in the same transaction.
 */
@Injectable()
export class AccountAdministrationService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  async list(caller: UserEntity): Promise<UserEntity[]> {
    this.actors.authorizeInstallation(caller, { action: 'MANAGE_USERS' });
    // Sorted here, not in SQL: people read names in their own collation, not byte order.
    return (await this.db.reader.find(UserEntity)).sort(
      (a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email),
    );
  }

  create(caller: Caller, input: CreateUserInput): Promise<UserEntity> {
    this.actors.authorizeInstallation(caller.user, { action: 'MANAGE_USERS' });
    return this.users.create(writeContext(caller), {
      email: input.email,
      name: input.name,
      password: input.password,
      isSystemAdmin: input.isSystemAdmin ?? false,
    });
  }

  deactivate(caller: Caller, input: UserRefInput): Promise<UserEntity> {
    this.actors.authorizeInstallation(caller.user, { action: 'MANAGE_USERS' });
    return this.db.write(writeContext(caller), async (tx) => {
      const user = await userById(tx.manager, input.userId);
      const otherActiveAdmins = await tx.manager.countBy(UserEntity, {
        isSystemAdmin: true,
        active: true,
        id: Not(user.id),
      });
      const refusal = deactivationRefusal(caller.user.id, user, otherActiveAdmins);
      if (refusal) throw refusal;
      if (!user.active) return user;
      Object.assign(user, { active: false, updatedAt: caller.at });
      await tx.manager.update(UserEntity, { id: user.id }, { active: false, updatedAt: caller.at });
      const sessionsEnded = await endSessions(tx.manager, user.id, caller.at);
      await tx.record({
        type: 'USER_DEACTIVATED',
        entityType: 'User',
        entityId: user.id,
        before: { email: user.email, active: true },
        after: { email: user.email, active: false, sessionsEnded },
      });
      return user;
    });
  }

  reactivate(caller: Caller, input: UserRefInput): Promise<UserEntity> {
    this.actors.authorizeInstallation(caller.user, { action: 'MANAGE_USERS' });
    return this.db.write(writeContext(caller), async (tx) => {
      const user = await userById(tx.manager, input.userId);
      if (user.active) return user;
      Object.assign(user, { active: true, updatedAt: caller.at });
      await tx.manager.update(UserEntity, { id: user.id }, { active: true, updatedAt: caller.at });
      await tx.record({
        type: 'USER_REACTIVATED',
        entityType: 'User',
        entityId: user.id,
        before: { email: user.email, active: false },
        after: { email: user.email, active: true },
      });
      return user;
    });
  }

  /** A system admin sets someone else's password; every session of theirs ends. */
  async resetPassword(caller: Caller, input: ResetPasswordInput): Promise<UserEntity> {
    this.actors.authorizeInstallation(caller.user, { action: 'MANAGE_USERS' });
    if (input.userId === caller.user.id) {
      // Changing your own needs your current password, so a borrowed session cannot take over.
      throw badInput('userId', 'To change your own password use changePassword.');
    }
    const passwordHash = await this.auth.hash(input.newPassword);
    return this.db.write(writeContext(caller), async (tx) => {
      const user = await userById(tx.manager, input.userId);
      Object.assign(user, { passwordHash, updatedAt: caller.at });
      await tx.manager.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: caller.at });
      const sessionsEnded = await endSessions(tx.manager, user.id, caller.at);
      await tx.record({
        type: 'PASSWORD_RESET',
        entityType: 'User',
        entityId: user.id,
        after: { email: user.email, sessionsEnded },
      });
      return user;
    });
  }

  /** Your own password, given the current one; your other sessions end, this one stays. */
  async changePassword(
    caller: Caller,
    sessionToken: string | undefined,
    input: ChangePasswordInput,
  ): Promise<UserEntity> {
    const stored = await userById(this.db.reader, caller.user.id);
    if (!(await passwordMatches(stored.passwordHash, input.currentPassword))) {
      throw badInput('currentPassword', 'Your current password is not correct.');
    }
    if (input.newPassword === input.currentPassword) {
      throw badInput('newPassword', 'Choose a new password that differs from the current one.');
    }
    const passwordHash = await this.auth.hash(input.newPassword);
    return this.db.write(writeContext(caller), async (tx) => {
      const user = await userById(tx.manager, caller.user.id);
      if (user.passwordHash !== stored.passwordHash) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'Your password was changed meanwhile; sign in again with the new one.',
          { field: 'currentPassword' },
        );
      }
      Object.assign(user, { passwordHash, updatedAt: caller.at });
      await tx.manager.update(UserEntity, { id: user.id }, { passwordHash, updatedAt: caller.at });
      const sessionsEnded = await endSessions(
        tx.manager,
        user.id,
        caller.at,
        sessionToken ? tokenHash(sessionToken) : undefined,
      );
      await tx.record({
        type: 'PASSWORD_CHANGED',
        entityType: 'User',
        entityId: user.id,
        after: { email: user.email, sessionsEnded },
      });
      return user;
    });
  }
}

async function userById(manager: EntityManager, id: string): Promise<UserEntity> {
  const user = await manager.findOneBy(UserEntity, { id });
  if (!user) throw notFound('User', id);
  return user;
}
