import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
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
  ) {}

  @Public()
  @Mutation(() => UserModel, { description: 'Signs in and sets the HTTP-only session cookie.' })
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() context: RequestContext,
  ): Promise<UserEntity> {
    const { user, token } = await this.auth.login(email, password);
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

  @Query(() => UserModel, { description: 'The signed-in user.' })
  me(@CurrentUser() user: UserEntity): UserEntity {
    return user;
  }
}
