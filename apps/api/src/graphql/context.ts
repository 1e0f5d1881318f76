import type { Request, Response } from 'express';
import type { UserEntity } from '../users/user.entity';
import type { Loaders } from './loaders';

/** What every resolver can reach: the HTTP exchange, the signed-in user, per-request loaders. */
export interface RequestContext {
  readonly req: Request;
  readonly res: Response;
  readonly loaders: Loaders;
  /** Set by the session guard; absent only on public operations (login). */
  user?: UserEntity;
  /** The raw session token, for logout. */
  sessionToken?: string;
}
