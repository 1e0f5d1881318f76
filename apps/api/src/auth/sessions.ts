import { createHash } from 'node:crypto';
import { EntityManager, In, IsNull } from 'typeorm';
import { storedInstant } from '../database/columns';
import { UserEntity } from '../users/user.entity';
import { SessionEntity } from './session.entity';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The active user behind a live session token, or null (HTTP requests and WebSockets alike). One
 * statement: it runs before every request, so a second round trip would be paid by all of them.
 */
export async function findSessionUser(
  manager: EntityManager,
  token: string,
  now: Date,
): Promise<UserEntity | null> {
  return manager
    .createQueryBuilder(UserEntity, 'u')
    .innerJoin(SessionEntity, 's', 's.user_id = u.id')
    .where('s.token_hash = :hash', { hash: tokenHash(token) })
    .andWhere('s.revoked_at IS NULL')
    .andWhere('s.expires_at > :now', { now: storedInstant(now) })
    .andWhere('u.active = :active', { active: true })
    .getOne();
}

/**
 * Ends a person's live sessions inside a write transaction (deactivation, password changes), so
 * their cookies stop working at once. `keepTokenHash` spares one session: the caller's own.
 * Returns how many live sessions ended.
 */
export async function endSessions(
  manager: EntityManager,
  userId: string,
  at: Date,
  keepTokenHash?: string,
): Promise<number> {
  const open = await manager.findBy(SessionEntity, { userId, revokedAt: IsNull() });
  const ending = open.filter((s) => s.expiresAt > at && s.tokenHash !== keepTokenHash);
  if (ending.length > 0) {
    await manager.update(
      SessionEntity,
      { tokenHash: In(ending.map((s) => s.tokenHash)) },
      { revokedAt: at },
    );
  }
  return ending.length;
}
