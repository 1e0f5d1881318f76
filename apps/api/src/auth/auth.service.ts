import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@ipt/domain';
import { CLOCK, Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseService } from '../database/database.service';
import { UserEntity } from '../users/user.entity';
import { hashPassword, passwordMatches } from './passwords';
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
  ) {}

  async login(email: string, password: string): Promise<SignIn> {
    const user = await this.db.reader.findOneBy(UserEntity, { email: email.trim().toLowerCase() });
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
