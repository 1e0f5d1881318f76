import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import {
  ADMINISTRATION_RESOLVERS,
  ADMINISTRATION_SERVICES,
} from './administration/administration.providers';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { SessionGuard } from './auth/session.guard';
import type { Clock } from './common/clock';
import { AppExceptionFilter, inputValidationPipe } from './common/errors';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import type { DataSourceExtras } from './database/data-source';
import { DatabaseModule } from './database/database.module';
import { DatabaseService } from './database/database.service';
import { DECISION_LOG_RESOLVERS, DECISION_LOG_SERVICES } from './decisions/decisions.providers';
import { DemoService } from './demo/demo.service';
import type { RequestContext } from './graphql/context';
import { createLoaders } from './graphql/loaders';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { ISSUE_PART_RESOLVERS } from './issues/issue-parts.resolver';
import { IssueQueries } from './issues/issue.queries';
import { IssuesResolver } from './issues/issues.resolver';
import { IssuesService } from './issues/issues.service';
import { ActorService } from './programs/actor.service';
import { MembershipResolver, ProgramsResolver, TeamResolver } from './programs/programs.resolver';
import { ProgramsService } from './programs/programs.service';
import { UsersService } from './users/users.service';

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
];

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
          useFactory: (db: DatabaseService): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            // Apollo's CSRF prevention: a request must say content-type: application/json (or carry
            // a preflight-forcing header), which a cross-site form post cannot.
            csrfPrevention: true,
            introspection: true,
            playground: false,
            includeStacktraceInErrorResponses: !options.config.production,
            context: ({ req, res }: { req: Request; res: Response }): RequestContext => ({
              req,
              res,
              loaders: createLoaders(db.reader),
            }),
          }),
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        AuthService,
        UsersService,
        ActorService,
        ProgramsService,
        IssuesService,
        IssueQueries,
        DemoService,
        ReadinessService,
        ...ADMINISTRATION_SERVICES,
        ...DECISION_LOG_SERVICES,
        ...RESOLVERS,
      ],
    };
  }
}
