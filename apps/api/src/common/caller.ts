import type { WriteContext } from '../events/write.service';
import type { UserEntity } from '../users/user.entity';

/**
 * The person making a change, and the instant it counts as made (from the injected clock): the
 * one shape every write of the API takes, from issue commands to set-up and accounts.
 */
export interface Caller {
  readonly user: UserEntity;
  readonly at: Date;
}

export function writeContext(caller: Caller): WriteContext {
  return { actorId: caller.user.id, at: caller.at, actorName: caller.user.name };
}
