import { EntityManager, In, IsNull } from 'typeorm';
import { SessionEntity } from './session.entity';

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
