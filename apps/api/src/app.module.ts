import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import {
  AdministrationModule,
  ADMINISTRATION_RESOLVERS,
} from './administration/administration.module';
import { AuthModule, AUTH_RESOLVERS } from './auth/auth.module';
import { SessionGuard } from './auth/session.guard';
import type { Clock } from './common/clock';
import { AppExceptionFilter, formatError, inputValidationPipe } from './common/errors';
import { SCALARS_MAP } from './graphql/scalars/date-time.scalar';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import type { DataSourceExtras } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { DatabaseService } from './database/database.service';
import { DecisionLogModule, DECISION_LOG_RESOLVERS } from './decision-log/decision-log.module';
import { DemoModule } from './demo/demo.module';
import { TimelinessModule, TIMELINESS_RESOLVERS } from './timeliness/timeliness.module';
import { SearchModule, SEARCH_RESOLVERS } from './search/search.module';
import { SavedViewsModule, SAVED_VIEWS_RESOLVERS } from './saved-views/saved-views.module';
import { InboxQueueModule, INBOX_QUEUE_RESOLVERS } from './inbox-queue/inbox-queue.module';
import { NotificationsModule, NOTIFICATIONS_RESOLVERS } from './notifications/notifications.module';
import { VerificationModule, VERIFICATION_RESOLVERS } from './verification/verification.module';
import type { RequestContext } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { type ApolloPlugin, requestLimitsPlugin } from './graphql/limits.plugin';
import { HealthModule } from './health/health.module';
import { IssuesModule, ISSUES_RESOLVERS } from './issues/issues.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { ProgramsModule, PROGRAMS_RESOLVERS } from './programs/programs.module';
import { UsersModule } from './users/users.module';
import { UserEntity } from './users/user.entity';
import { sessionSecret } from './auth/session-secret';
import { LiveModule, LIVE_RESOLVERS } from './live/live.module';
import { websocketUser } from './live/websocket-auth';
import { websocketOperationGuard } from './graphql/websocket-limits';

export interface AppOptions {
  readonly config: AppConfig;
  readonly clock: Clock;
  readonly database?: DataSourceExtras;
}

/** Every resolver of the API; the schema printer builds the schema from exactly these. */
export const RESOLVERS = [
  ...AUTH_RESOLVERS,
  ...PROGRAMS_RESOLVERS,
  ...ISSUES_RESOLVERS,
  ...ADMINISTRATION_RESOLVERS,
  ...DECISION_LOG_RESOLVERS,
  ...LIVE_RESOLVERS,
  ...SAVED_VIEWS_RESOLVERS,
  ...INBOX_QUEUE_RESOLVERS,
  ...TIMELINESS_RESOLVERS,
  ...NOTIFICATIONS_RESOLVERS,
  ...VERIFICATION_RESOLVERS,
  ...SEARCH_RESOLVERS,
];

/** The feature modules, each with its own providers and exports (ADR 30). */
export const FEATURE_MODULES = [
  AuthModule,
  UsersModule,
  ProgramsModule,
  IssuesModule,
  TimelinessModule,
  NotificationsModule,
  LiveModule,
  AdministrationModule,
  DecisionLogModule,
  SavedViewsModule,
  InboxQueueModule,
  SearchModule,
  VerificationModule,
  IdempotencyModule,
  DemoModule,
  HealthModule,
];

/**
 * The app: infrastructure (configuration and clock, database, GraphQL), the feature modules, and
 * only what applies to every request — the session guard, the error filter, input validation.
 */
@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config, options.clock),
        DatabaseModule.forConfig(options.config, options.database),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DatabaseService],
          useFactory: (db: DatabaseService): ApolloDriverConfig => {
            // The built schema, kept for checking operations that arrive over the WebSocket.
            let schema: GraphQLSchema | null = null;
            const builtSchema = (): GraphQLSchema => {
              if (!schema) throw new Error('The GraphQL schema is not built yet.');
              return schema;
            };
            return {
              transformSchema: (built: GraphQLSchema) => (schema = built),
              subscriptions: {
                'graphql-ws': {
                  path: '/graphql',
                  // Subscriptions only, inside the same limits as HTTP requests (ADR 0019).
                  onSubscribe: websocketOperationGuard(builtSchema),
                  // Refuse the connection (close 4403) unless a same-origin page with a live session opens it.
                  onConnect: async (context: { extra: unknown }) => {
                    const extra = context.extra as { request: IncomingMessage; user?: UserEntity };
                    const user = await websocketUser(
                      extra.request,
                      sessionSecret(options.config),
                      db.reader,
                      options.clock.now(),
                    );
                    if (!user) return false;
                    extra.user = user;
                    return true;
                  },
                },
              },
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              buildSchemaOptions: { scalarsMap: SCALARS_MAP },
              // A value a scalar refused reads like every other input problem (common/errors.ts).
              formatError,
              // Apollo's CSRF prevention: a request must say content-type: application/json (or carry
              // a preflight-forcing header), which a cross-site form post cannot.
              csrfPrevention: true,
              // The committed schema.gql is the public contract; production does not describe itself
              // to anonymous callers (ADR 0019).
              introspection: !options.config.production,
              plugins: [
                requestLimitsPlugin({
                  hideSuggestions: options.config.production,
                  timeBudgetMs: options.config.requestTimeBudgetMs,
                }),
                // No field sets a cache hint and no response is cached by HTTP caches; left on, the
                // plugin computes a hint for every field of every answer (ADR 0024).
                ApolloServerPluginCacheControlDisabled() as ApolloPlugin,
              ],
              playground: false,
              includeStacktraceInErrorResponses: !options.config.production,
              context: (http: {
                req: Request;
                res: Response;
                extra?: { request: Request; user?: UserEntity };
              }): RequestContext => {
                // A subscription over WebSocket: the user was established when the socket connected.
                if (http.extra) {
                  return {
                    req: http.extra.request,
                    res: undefined as never,
                    loaders: createLoaders(db.reader),
                    user: http.extra.user,
                  };
                }
                return { req: http.req, res: http.res, loaders: createLoaders(db.reader) };
              },
            };
          },
        }),
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
      ],
    };
  }
}
