import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DomainError } from '@ipt/domain';
import { CLOCK, Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { RequestContext } from '../graphql/context';
import { UserEntity } from '../users/user.entity';
import { UserModel } from '../users/user.model';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { Public } from './public.decorator';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Public()
  @Mutation(() => UserModel, { description: 'Signs in and sets the HTTP-only session cookie.' })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() context: RequestContext,
  ): Promise<UserEntity> {
    // `trust proxy` (bootstrap) makes this the client's address behind a local reverse proxy.
    const address = context.req.ip ?? context.req.socket.remoteAddress ?? 'unknown';
    let signIn;
    try {
      signIn = await this.auth.login(email, password, address);
    } catch (error) {
      const retryAfter = error instanceof DomainError ? error.details['retryAfterSeconds'] : null;
      if (typeof retryAfter === 'number') context.res.setHeader('Retry-After', String(retryAfter));
      throw error;
    }
    const { user, token } = signIn;
    context.res.cookie(
      SESSION_COOKIE,
      token,
      sessionCookieOptions(this.config.cookieSecure, this.config.sessionTtlHours * 3_600_000),
    );
    return user;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async logout(@Context() context: RequestContext): Promise<boolean> {
    if (context.sessionToken) await this.auth.logout(context.sessionToken);
    context.res.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'System admins: lets an account (known or not) try to sign in again at once after too many failures, and the client address too if given. True if either was throttled.',
  })
  liftSignInLock(
    @CurrentUser() user: UserEntity,
    @Args('email') email: string,
    @Args('address', { type: () => String, nullable: true }) address: string | null,
  ): Promise<boolean> {
    return this.auth.liftSignInLock({ user, at: this.clock.now() }, email, address ?? null);
  }

  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(@CurrentUser() user: UserEntity): UserEntity {
    return user;
  }
}
