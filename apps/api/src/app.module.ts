import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import {
  DynamicModule,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import {
  ADMINISTRATION_RESOLVERS,
  ADMINISTRATION_SERVICES,
} from './administration/administration.providers';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { SessionGuard } from './auth/session.guard';
import type { Clock } from './common/clock';
import { AppExceptionFilter, formatError, inputValidationPipe } from './common/errors';
import { SCALARS_MAP } from './graphql/scalars/date-time.scalar';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import type { DataSourceExtras } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { DatabaseService } from './database/database.service';
import { DECISION_LOG_RESOLVERS, DECISION_LOG_SERVICES } from './decisions/decisions.providers';
import { DemoAccountsController } from './demo/demo-accounts.controller';
import { DemoService } from './demo/demo.service';
import { TIMELINESS_RESOLVERS, TIMELINESS_SERVICES } from './timeliness/timeliness.providers';
import { SEARCH_RESOLVERS, SEARCH_SERVICES } from './search/search.providers';
import { TRACKER_RESOLVERS, TRACKER_SERVICES } from './tracker/tracker.providers';
import { WORKBENCH_RESOLVERS, WORKBENCH_SERVICES } from './workbench/workbench.providers';
import {
  NOTIFICATIONS_RESOLVERS,
  NOTIFICATIONS_SERVICES,
} from './notifications/notifications.providers';
import {
  VERIFICATION_RESOLVERS,
  VERIFICATION_SERVICES,
} from './verification/verification.providers';
import type { RequestContext } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { type ApolloPlugin, requestLimitsPlugin } from './graphql/limits.plugin';
import { HealthController } from './health/health.controller';
import { ISSUE_PART_RESOLVERS } from './issues/issue-parts.resolver';
import { IssueQueries } from './issues/issue.queries';
import { IssuePagePrimer } from './issues/issue-page.primer';
import { IssuesResolver } from './issues/issues.resolver';
import { IssuesService } from './issues/issues.service';
import { ISSUE_COMMAND_PROVIDERS } from './issues/commands';
import { IdempotencyMiddleware } from './idempotency/idempotency.middleware';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ActorService } from './programs/actor.service';
import { MembershipResolver, ProgramsResolver, TeamResolver } from './programs/programs.resolver';
import { ProgramsService } from './programs/programs.service';
import { UsersService } from './users/users.service';
import { UserEntity } from './users/user.entity';
import { sessionSecret } from './auth/session-secret';
import { LiveEventsService } from './live/live-events.service';
import { LiveResolver } from './live/live.resolver';
import { livePubSubProvider } from './live/pub-sub';
import { websocketUser } from './live/websocket-auth';
import { websocketOperationGuard } from './graphql/websocket-limits';

export interface AppOptions {
  readonly config: AppConfig;
  readonly clock: Clock;
  readonly database?: DataSourceExtras;
}

/** Every resolver of the API; the schema printer builds the schema from exactly these. */
export const RESOLVERS = [
  AuthResolver,
  ProgramsResolver,
  TeamResolver,
  MembershipResolver,
  IssuesResolver,
  ...ISSUE_PART_RESOLVERS,
  ...ADMINISTRATION_RESOLVERS,
  ...DECISION_LOG_RESOLVERS,
  LiveResolver,
  ...TRACKER_RESOLVERS,
  ...WORKBENCH_RESOLVERS,
  ...TIMELINESS_RESOLVERS,
  ...NOTIFICATIONS_RESOLVERS,
  ...VERIFICATION_RESOLVERS,
  ...SEARCH_RESOLVERS,
];

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(IdempotencyMiddleware)
      .forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }

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
      ],
      controllers: [HealthController, DemoAccountsController],
      providers: [
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        AuthService,
        UsersService,
        ActorService,
        ProgramsService,
        IssuesService,
        ...ISSUE_COMMAND_PROVIDERS,
        IdempotencyService,
        IssueQueries,
        IssuePagePrimer,
        DemoService,
        livePubSubProvider,
        LiveEventsService,
        ...TRACKER_SERVICES,
        ...WORKBENCH_SERVICES,
        ...TIMELINESS_SERVICES,
        ...NOTIFICATIONS_SERVICES,
        ...ADMINISTRATION_SERVICES,
        ...DECISION_LOG_SERVICES,
        ...VERIFICATION_SERVICES,
        ...SEARCH_SERVICES,
        ...RESOLVERS,
      ],
    };
  }
}
