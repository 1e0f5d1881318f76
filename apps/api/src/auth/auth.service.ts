import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@ipt/domain';
import { CLOCK, Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseService } from '../database/database.service';
import { UserEntity } from '../users/user.entity';
import { Caller, writeContext } from '../common/caller';
import { ActorService } from '../programs/actor.service';
import { validEmail } from './email';
import { hashPassword, passwordMatches } from './passwords';
import {
  accountSubject,
  addressSubject,
  claimAttempt,
  forgiveAttempt,
  liftThrottles,
} from './sign-in-throttle';
import { findSessionUser, tokenHash } from './sessions';
import { SessionEntity } from './session.entity';

const HOUR_MS = 3_600_000;

export interface SignIn {
  readonly user: UserEntity;
  readonly token: string;
  readonly expiresAt: Date;
}

@Injectable()
export class AuthService {
  /** Compared against when the e-mail is unknown, so a miss takes as long as a wrong password. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly db: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly actors: ActorService,
  ) {}

  /**
   * Signs in, throttled per account and per client `address` (ADR 0020): the attempt is counted
   * before the password is checked, and one that must wait is refused without checking it.
   */
  async login(rawEmail: string, password: string, address: string): Promise<SignIn> {
    const email = validEmail(rawEmail);
    const account = accountSubject(email);
    const from = addressSubject(address);
    await this.db.write({ actorId: null, at: this.clock.now() }, (tx) =>
      claimAttempt(tx.manager, [account, from], tx.at),
    );
    const user = await this.db.reader.findOneBy(UserEntity, { email });
    const matches = await passwordMatches(user?.passwordHash ?? (await this.decoy()), password);
    if (!user || !matches || !user.active) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        user && matches && !user.active
          ? 'This account has been deactivated. Ask a system admin to restore it.'
          : 'Email or password is not correct.',
      );
    }
    const token = randomBytes(32).toString('base64url');
    const at = this.clock.now();
    const expiresAt = new Date(at.getTime() + this.config.sessionTtlHours * HOUR_MS);
    await this.db.write({ actorId: user.id, at }, async (tx) => {
      await forgiveAttempt(tx.manager, account, from);
      await tx.manager.insert(SessionEntity, {
        tokenHash: tokenHash(token),
        userId: user.id,
        createdAt: at,
        expiresAt,
        revokedAt: null,
      });
      await tx.record({ type: 'USER_SIGNED_IN', entityType: 'User', entityId: user.id });
    });
    return { user, token, expiresAt };
  }

  /**
   * System admins: ends the throttling of an account (known or not), and of a client address if
   * given, at once. Recorded on the account when there is one. Whether anything was throttled.
   */
  async liftSignInLock(caller: Caller, rawEmail: string, address: string | null): Promise<boolean> {
    this.actors.authorizeInstallation(caller.user, { action: 'MANAGE_USERS' });
    const email = validEmail(rawEmail);
    const subjects = [accountSubject(email), ...(address ? [addressSubject(address)] : [])];
    return this.db.write(writeContext(caller), async (tx) => {
      const lifted = await liftThrottles(tx.manager, subjects);
      const user = await tx.manager.findOneBy(UserEntity, { email });
      if (lifted && user) {
        await tx.record({
          type: 'SIGN_IN_LOCK_LIFTED',
          entityType: 'User',
          entityId: user.id,
          after: { email, address },
        });
      }
      return lifted;
    });
  }

  async logout(token: string): Promise<void> {
    const at = this.clock.now();
    const session = await this.db.reader.findOneBy(SessionEntity, { tokenHash: tokenHash(token) });
    if (!session || session.revokedAt) return;
    await this.db.write({ actorId: session.userId, at }, async (tx) => {
      await tx.manager.update(SessionEntity, { tokenHash: session.tokenHash }, { revokedAt: at });
      await tx.record({ type: 'USER_SIGNED_OUT', entityType: 'User', entityId: session.userId });
    });
  }

  /** The active user behind a live session token, or null. */
  userForSession(token: string): Promise<UserEntity | null> {
    return findSessionUser(this.db.reader, token, this.clock.now());
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.config.passwordHashing);
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hash(randomBytes(16).toString('hex'));
    return this.decoyHash;
  }
}
