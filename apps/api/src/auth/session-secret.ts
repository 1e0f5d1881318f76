import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/config';

/**
 * The cookie-signing secret: SESSION_SECRET when set; otherwise one generated on first start and
 * kept beside the database, so sessions survive restarts without any configuration.
 */
export function sessionSecret(config: AppConfig): string {
  if (config.sessionSecret) return config.sessionSecret;
  const folder =
    config.database.kind === 'sqlite'
      ? dirname(config.database.path)
      : join(config.repositoryRoot, 'data');
  const file = join(folder, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(folder, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
