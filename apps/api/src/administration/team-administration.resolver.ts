import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { CLOCK, Clock } from '../common/clock';
import { MembershipEntity } from '../programs/membership.entity';
import { MembershipModel } from '../programs/membership.model';
import { TeamModel } from '../programs/team.model';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { Caller } from '../common/caller';
import { AddMemberInput } from './dto/add-member.input';
import { CreateTeamInput } from './dto/create-team.input';
import { RemoveMemberInput } from './dto/remove-member.input';
import { UpdateMemberInput } from './dto/update-member.input';
import { UpdateTeamInput } from './dto/update-team.input';
import { TeamAdministrationService } from './team-administration.service';

@Resolver(() => TeamModel)
export class TeamAdministrationResolver {
  constructor(
    private readonly teamService: TeamAdministrationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [TeamModel], {
    description:
      'A program’s teams as its escalation ladder: each top team (the OIPT first) followed by the teams below it, depth first. Includes inactive teams.',
  })
  teams(
    @CurrentUser() user: UserEntity,
    @Args('programKey') programKey: string,
  ): Promise<TeamEntity[]> {
    return this.teamService.ladder(user, programKey);
  }

  @Mutation(() => TeamModel, {
    description:
      'Program managers and system admins: a new IPT. Its parent is a team of a higher tier (WIPT < IIPT < OIPT); an OIPT has none.',
  })
  createTeam(
    @CurrentUser() user: UserEntity,
    @Args('input') input: CreateTeamInput,
  ): Promise<TeamEntity> {
    return this.teamService.createTeam(this.caller(user), input);
  }

  @Mutation(() => TeamModel, {
    description:
      'Program managers and system admins: name, charter, parent team, active. Give the version you read.',
  })
  updateTeam(
    @CurrentUser() user: UserEntity,
    @Args('input') input: UpdateTeamInput,
  ): Promise<TeamEntity> {
    return this.teamService.updateTeam(this.caller(user), input);
  }

  @Mutation(() => MembershipModel, {
    description:
      'Program managers and system admins: puts a person on a team for one discipline; they become a MEMBER of the program if they had no role.',
  })
  addMember(
    @CurrentUser() user: UserEntity,
    @Args('input') input: AddMemberInput,
  ): Promise<MembershipEntity> {
    return this.teamService.addMember(this.caller(user), input);
  }

  @Mutation(() => MembershipModel, {
    description: 'Program managers and system admins: discipline, role, decision authority.',
  })
  updateMember(
    @CurrentUser() user: UserEntity,
    @Args('input') input: UpdateMemberInput,
  ): Promise<MembershipEntity> {
    return this.teamService.updateMember(this.caller(user), input);
  }

  @Mutation(() => MembershipModel, {
    description:
      'Program managers and system admins: takes a person off a team; returns the membership as it was.',
  })
  removeMember(
    @CurrentUser() user: UserEntity,
    @Args('input') input: RemoveMemberInput,
  ): Promise<MembershipEntity> {
    return this.teamService.removeMember(this.caller(user), input);
  }

  private caller(user: UserEntity): Caller {
    return { user, at: this.clock.now() };
  }
}
