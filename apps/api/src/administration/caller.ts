import type { WriteContext } from '../events/write.service';
import type { UserEntity } from '../users/user.entity';

/** The person acting, and the instant their change counts as made (from the injected clock). */
export interface Caller {
  readonly user: UserEntity;
  readonly at: Date;
}

export function writeContext(caller: Caller): WriteContext {
  return { actorId: caller.user.id, at: caller.at };
}
