import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { AppModule, AppOptions } from './app.module';
import { sessionSecret } from './auth/session-secret';
import { DEMO_LOAD_LOCK_KEY, DatabaseService } from './database/database.service';
import { holdDatabase } from './database/instance-lock';
import { DemoService } from './demo/demo.service';
import { HealthService } from './health/health.service';
import { UsersService } from './users/users.service';
import { useSecurityHeaders } from './web/security-headers';
import { serveWebApp } from './web/web-app';

export interface RunningApp {
  readonly app: NestExpressApplication;
  /** e.g. http://127.0.0.1:3000 */
  readonly url: string;
  /** What happened at start: whether demo data was loaded, whether an admin is missing. */
  readonly startup: { readonly demoLoaded: boolean; readonly hasUsers: boolean };
  close(): Promise<void>;
}

/**
 * Builds, prepares and starts the app: migrations run as the database opens, the demo program
 * loads into a new database, and only then does /health answer 200.
 */
export async function startApp(
  options: AppOptions & { readonly logger?: false },
): Promise<RunningApp> {
  // Held from before the database opens until after it has closed, so that `npm run restore`
  // refuses while this app uses the SQLite file (ADR 0017); null on PostgreSQL.
  const hold = holdDatabase(options.config.database);
  try {
    const running = await startHolding(options);
    return { ...running, close: () => running.close().finally(() => hold?.release()) };
  } catch (error) {
    hold?.release();
    throw error;
  }
}

async function startHolding(
  options: AppOptions & { readonly logger?: false },
): Promise<RunningApp> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: options.logger === false ? false : ['log', 'warn', 'error'],
    abortOnError: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  useSecurityHeaders(app, options.config.cookieSecure);
  // GraphQL answers over 1 KB go out compressed (ADR 0021). Only /graphql: the web app's assets
  // are compressed once, at build time (web-app.ts), and the WebSocket upgrade never passes here.
  app.use('/graphql', compression({ threshold: 1024 }));
  app.use(cookieParser(sessionSecret(options.config)));
  serveWebApp(app, options.config.webDist);
  app.enableShutdownHooks();
  await app.init();

  const users = app.get(UsersService);
  // Several instances started at once on a new PostgreSQL database: one loads the demo, the
  // others wait for it and find users.
  const demoLoaded = await app.get(DatabaseService).exclusively(DEMO_LOAD_LOCK_KEY, async () => {
    if ((await users.count()) > 0 || !options.config.demo) return false;
    await app.get(DemoService).load();
    return true;
  });
  const hasUsers = (await users.count()) > 0;
  app.get(HealthService).markReady();

  await app.listen(options.config.port, options.config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.config.port;
  const url = `http://${options.config.host.includes(':') ? `[${options.config.host}]` : options.config.host}:${port}`;
  return {
    app,
    url,
    startup: { demoLoaded, hasUsers },
    close: () => app.close(),
  };
}

export const startupLogger = new Logger('Startup');
