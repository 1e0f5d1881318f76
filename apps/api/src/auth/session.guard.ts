import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@ipt/domain';
import type { RequestContext } from '../graphql/context';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { SESSION_COOKIE } from './session-cookie';

/** Every GraphQL operation needs a live session, except those marked @Public. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType<string>() !== 'graphql') return true;
    const context = GqlExecutionContext.create(execution).getContext<RequestContext>();
    if (!context.user) {
      const token: unknown = context.req.signedCookies?.[SESSION_COOKIE];
      if (typeof token === 'string' && token !== '') {
        const user = await this.auth.userForSession(token);
        if (user) {
          context.user = user;
          context.sessionToken = token;
        }
      }
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    if (!isPublic && !context.user) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'You are not signed in, or your session has ended. Sign in to continue.',
      );
    }
    return true;
  }
}
