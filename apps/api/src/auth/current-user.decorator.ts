import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@ipt/domain';
import type { RequestContext } from '../graphql/context';
import type { UserEntity } from '../users/user.entity';

/** The signed-in user (the session guard has already refused anonymous callers). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UserEntity => {
    const user = GqlExecutionContext.create(context).getContext<RequestContext>().user;
    if (!user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
    return user;
  },
);
