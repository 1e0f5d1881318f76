import { hash, verify } from '@node-rs/argon2';

export interface PasswordHashingCost {
  readonly memoryCostKiB: number;
  readonly timeCost: number;
}

export const MIN_PASSWORD_LENGTH = 10;

/** argon2id (the library's default algorithm), at the configured cost. */
export function hashPassword(password: string, cost: PasswordHashingCost): Promise<string> {
  return hash(password, {
    memoryCost: cost.memoryCostKiB,
    timeCost: cost.timeCost,
    parallelism: 1,
  });
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
