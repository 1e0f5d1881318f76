import type { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';

/** A Host header fit to name in a policy; anything else falls back to 'self' alone. */
const PLAIN_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * Security headers on every response (pages, assets, /graphql, /health), before any route:
 *
 * - A content security policy with no inline script at all: the built page loads its scripts
 *   from /assets only. Style *attributes* stay allowed (`style-src-attr`), because React sets
 *   `style={…}` (chart sizes, bar widths); style sheets still come from this origin only.
 * - `connect-src` names this host's ws:/wss: explicitly beside 'self' for the graphql-ws socket,
 *   since older browsers do not count a WebSocket to the same host as 'self'.
 * - Framing refused twice (`frame-ancestors 'none'`, `X-Frame-Options: DENY`) against
 *   clickjacking; `nosniff`; the referrer only to this origin.
 * - HSTS and upgrading requests to https only when the app is served over https
 *   (`COOKIE_SECURE`): sent over plain http they would lock browsers out of the app.
 */
export function useSecurityHeaders(app: NestExpressApplication, https: boolean): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'style-src-attr': ["'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'", (request) => webSockets(request)],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          ...(https ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      xFrameOptions: { action: 'deny' },
      xContentTypeOptions: true,
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  );
}

function webSockets(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}
