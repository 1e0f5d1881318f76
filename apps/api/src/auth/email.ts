import { badInput } from '@ipt/domain';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The longest address SMTP can deliver to; also the width of `users.email`. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The one e-mail rule, for creating accounts and signing in alike: returns the address as stored
 * (trimmed, lower-case), or refuses it as BAD_USER_INPUT on `email`. Signing in with something
 * that cannot be an address is a typing mistake to point at, not a wrong password.
 */
export function validEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > MAX_EMAIL_LENGTH) {
    throw badInput('email', `"${raw}" is not an e-mail address.`);
  }
  return email;
}
