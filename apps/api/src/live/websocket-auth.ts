import type { IncomingMessage } from 'node:http';
import { signedCookie } from 'cookie-parser';
import type { EntityManager } from 'typeorm';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { findSessionUser } from '../auth/sessions';
import type { UserEntity } from '../users/user.entity';

/**
 * Who opens a WebSocket: the same signed session cookie as HTTP, and only from a page of this
 * site. Browsers send cookies on cross-site WebSocket handshakes and CORS does not apply to them,
 * so the Origin check is what stops another site from subscribing as the user.
 */
export async function websocketUser(
  request: IncomingMessage,
  secret: string,
  manager: EntityManager,
  now: Date,
): Promise<UserEntity | null> {
  if (!sameOrigin(request)) return null;
  const raw = readCookie(request.headers.cookie ?? '', SESSION_COOKIE);
  if (!raw) return null;
  const token = signedCookie(raw, secret);
  if (typeof token !== 'string' || token === '') return null;
  return findSessionUser(manager, token, now);
}

export function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  const host = request.headers.host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}
