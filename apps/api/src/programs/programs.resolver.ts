import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ProgramRoleKind, landingScreen, screensFor, tierRank } from '@ipt/domain';
import { CurrentUser } from '../auth/current-user.decorator';
import type { RequestContext } from '../graphql/context';
import { toUserModel } from '../users/user.mapper';
import { UserEntity } from '../users/user.entity';
import { UserModel } from '../users/user.model';
import { DisciplineModel } from './discipline.model';
import { MembershipModel } from './membership.model';
import { ProgramModel } from './program.model';
import { ProgramRoleAssignmentModel } from './program-role-assignment.model';
import { TeamModel } from './team.model';
import { ProgramEntity } from './program.entity';
import { ProgramsService } from './programs.service';
import { TeamEntity } from './team.entity';
import { WorkProfileModel } from './work-profile.model';

@Resolver(() => ProgramModel)
export class ProgramsResolver {
  constructor(private readonly programService: ProgramsService) {}

  @Query(() => [ProgramModel], { description: 'The programs you can see, by key.' })
  programs(@CurrentUser() user: UserEntity): Promise<ProgramEntity[]> {
    return this.programService.visible(user);
  }

  @Query(() => WorkProfileModel, {
    description: 'The kinds of work you do across your programs: where you land, what you see.',
  })
  async myWork(@CurrentUser() user: UserEntity): Promise<WorkProfileModel> {
    const work = await this.programService.workOf(user);
    return { ...work, landing: landingScreen(work), screens: screensFor(work) };
  }

  @Query(() => ProgramModel)
  program(@CurrentUser() user: UserEntity, @Args('key') key: string): Promise<ProgramEntity> {
    return this.programService.byKey(user, key);
  }

  @ResolveField(() => ProgramRoleKind, { nullable: true })
  myRole(
    @Parent() program: ProgramEntity,
    @CurrentUser() user: UserEntity,
  ): Promise<ProgramRoleKind | null> {
    return this.programService.roleOf(user, program.id);
  }

  @ResolveField(() => [TeamModel])
  teams(@Parent() program: ProgramEntity, @Context() { loaders }: RequestContext) {
    return loaders.teamsByProgram.load(program.id);
  }

  @ResolveField(() => [DisciplineModel])
  async disciplines(@Parent() program: ProgramEntity, @Context() { loaders }: RequestContext) {
    return (await loaders.disciplinesByProgram.load(program.id)).filter((d) => d.active);
  }

  @ResolveField(() => [ProgramRoleAssignmentModel])
  async roles(@Parent() program: ProgramEntity): Promise<ProgramRoleAssignmentModel[]> {
    return (await this.programService.roles(program.id)).map(({ user, role }) => ({
      user: toUserModel(user),
      role,
    }));
  }
}

@Resolver(() => TeamModel)
export class TeamResolver {
  @ResolveField(() => TeamModel, { nullable: true })
  parentTeam(
    @Parent() team: { parentTeamId: string | null },
    @Context() { loaders }: RequestContext,
  ) {
    return team.parentTeamId ? loaders.team.load(team.parentTeamId) : null;
  }

  @ResolveField(() => [TeamModel])
  async childTeams(
    @Parent() team: TeamEntity,
    @Context() { loaders }: RequestContext,
  ): Promise<TeamEntity[]> {
    const teams = await loaders.teamsByProgram.load(team.programId);
    return teams
      .filter((t) => t.parentTeamId === team.id)
      .sort((a, b) => tierRank(b.tier) - tierRank(a.tier) || a.name.localeCompare(b.name));
  }

  @ResolveField(() => [MembershipModel])
  members(@Parent() team: { id: string }, @Context() { loaders }: RequestContext) {
    return loaders.membershipsByTeam.load(team.id);
  }
}

@Resolver(() => MembershipModel)
export class MembershipResolver {
  @ResolveField(() => UserModel)
  async user(@Parent() membership: { userId: string }, @Context() { loaders }: RequestContext) {
    const user = await loaders.user.load(membership.userId);
    return user ? toUserModel(user) : null;
  }

  @ResolveField(() => TeamModel)
  team(@Parent() membership: { teamId: string }, @Context() { loaders }: RequestContext) {
    return loaders.team.load(membership.teamId);
  }
}
