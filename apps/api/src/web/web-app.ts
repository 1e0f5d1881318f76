import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const API_PATHS = ['/graphql', '/health', '/auth/'];

/**
 * Serves the built web app: its assets as static files, and its HTML page for every other GET
 * (client-side routing takes over from there). Without a build it says how to make one.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const indexFile = join(webDist, 'index.html');
  if (existsSync(indexFile)) {
    app.useStaticAssets(webDist, { index: false, maxAge: '1h', immutable: false });
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage =
      request.method === 'GET' && !API_PATHS.some((path) => request.path.startsWith(path));
    if (!isPage || !request.accepts('html')) return next();
    if (!existsSync(indexFile)) {
      response
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet: run `npm start` (or `npx nx run web:build`).');
      return;
    }
    response
      .status(200)
      .type('html')
      .setHeader('cache-control', 'no-cache')
      .send(readFileSync(indexFile, 'utf8'));
  });
}
