import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { CLOCK, Clock } from '../common/clock';
import type { RequestContext } from '../graphql/context';
import { UserEntity } from '../users/user.entity';
import { toUserModel } from '../users/user.mapper';
import { UserModel } from '../users/user.model';
import { AccountAdministrationService } from './account-administration.service';
import { Caller } from '../common/caller';
import { ChangePasswordInput } from './dto/change-password.input';
import { CreateUserInput } from './dto/create-user.input';
import { ResetPasswordInput } from './dto/reset-password.input';
import { UserRefInput } from './dto/user-ref.input';

@Resolver(() => UserModel)
export class AccountAdministrationResolver {
  constructor(
    private readonly accounts: AccountAdministrationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [UserModel], { description: 'System admins: every account, by name.' })
  async users(@CurrentUser() user: UserEntity): Promise<UserModel[]> {
    return (await this.accounts.list(user)).map(toUserModel);
  }

  @Mutation(() => UserModel, { description: 'System admins: a new account.' })
  async createUser(
    @CurrentUser() user: UserEntity,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return toUserModel(await this.accounts.create(this.caller(user), input));
  }

  @Mutation(() => UserModel, {
    description:
      'System admins: the account can no longer sign in and its sessions end. Not your own, nor the last active system admin.',
  })
  async deactivateUser(
    @CurrentUser() user: UserEntity,
    @Args('input') input: UserRefInput,
  ): Promise<UserModel> {
    return toUserModel(await this.accounts.deactivate(this.caller(user), input));
  }

  @Mutation(() => UserModel, { description: 'System admins: the account can sign in again.' })
  async reactivateUser(
    @CurrentUser() user: UserEntity,
    @Args('input') input: UserRefInput,
  ): Promise<UserModel> {
    return toUserModel(await this.accounts.reactivate(this.caller(user), input));
  }

  @Mutation(() => UserModel, {
    description:
      'System admins: sets someone else’s password and ends all their sessions (for your own, use changePassword).',
  })
  async resetPassword(
    @CurrentUser() user: UserEntity,
    @Args('input') input: ResetPasswordInput,
  ): Promise<UserModel> {
    return toUserModel(await this.accounts.resetPassword(this.caller(user), input));
  }

  @Mutation(() => UserModel, {
    description:
      'Changes your own password, given the current one; your other sessions end, this one stays.',
  })
  async changePassword(
    @CurrentUser() user: UserEntity,
    @Args('input') input: ChangePasswordInput,
    @Context() context: RequestContext,
  ): Promise<UserModel> {
    return toUserModel(
      await this.accounts.changePassword(this.caller(user), context.sessionToken, input),
    );
  }

  private caller(user: UserEntity): Caller {
    return { user, at: this.clock.now() };
  }
}
