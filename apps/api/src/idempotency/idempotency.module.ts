import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IdempotencyMiddleware } from './idempotency.middleware';
import { IdempotencyService } from './idempotency.service';

/**
 * Idempotency keys: a retried GraphQL POST gets the first answer again (ADR 18). The module applies
 * its own middleware, so it exports nothing.
 */
@Module({
  imports: [AuthModule],
  providers: [IdempotencyService],
})
export class IdempotencyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(IdempotencyMiddleware)
      .forRoutes({ path: 'graphql', method: RequestMethod.POST });
  }
}
