import type { CookieOptions } from 'express';

export const SESSION_COOKIE = 'ipt_session';

export function sessionCookieOptions(secure: boolean, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, signed: true, path: '/', maxAge: maxAgeMs };
}
