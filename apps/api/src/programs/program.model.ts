import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProgramRoleKind, TeamRole, Tier } from '@ipt/domain';
import { UserModel } from '../users/user.model';

registerEnumType(Tier, { name: 'Tier', description: 'IPT tier, lowest first: WIPT, IIPT, OIPT.' });
registerEnumType(TeamRole, { name: 'TeamRole' });
registerEnumType(ProgramRoleKind, { name: 'ProgramRole' });

@ObjectType('Discipline')
export class DisciplineModel {
  @Field({ description: 'Stable code, e.g. "engineering".' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'Veto-like standing (RAPID "Agree").' })
  agreeRole!: boolean;
}

@ObjectType('Team', { description: 'An Integrated Product Team.' })
export class TeamModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Tier)
  tier!: Tier;

  @Field()
  charter!: string;

  @Field()
  active!: boolean;

  @Field(() => Int, { description: 'Changes with every update; send it back to update the team.' })
  version!: number;

  @Field(() => TeamModel, { nullable: true, description: 'Where unresolved issues escalate to.' })
  parentTeam?: TeamModel | null;

  @Field(() => [TeamModel], {
    description: 'The teams that escalate to this one, highest tier first, then by name.',
  })
  childTeams?: TeamModel[];
}

@ObjectType('Membership', { description: 'A person on a team, for one discipline.' })
export class MembershipModel {
  @Field(() => ID)
  id!: string;

  @Field(() => UserModel)
  user?: UserModel;

  @Field(() => TeamModel)
  team?: TeamModel;

  @Field()
  discipline!: string;

  @Field(() => TeamRole)
  role!: TeamRole;

  @Field()
  decisionAuthority!: boolean;
}

@ObjectType('ProgramRoleAssignment', { description: 'A person’s explicit role in a program.' })
export class ProgramRoleAssignmentModel {
  @Field(() => UserModel)
  user!: UserModel;

  @Field(() => ProgramRoleKind)
  role!: ProgramRoleKind;
}

@ObjectType('Program')
export class ProgramModel {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field()
  phase!: string;

  @Field({ description: 'IANA time zone for day boundaries and business days.' })
  timeZone!: string;

  @Field(() => Int, {
    description: 'Changes with every update; send it back to update the program.',
  })
  version!: number;

  @Field(() => ProgramRoleKind, { nullable: true, description: 'The signed-in user’s role here.' })
  myRole?: ProgramRoleKind | null;

  @Field(() => [TeamModel])
  teams?: TeamModel[];

  @Field(() => [DisciplineModel])
  disciplines?: DisciplineModel[];

  @Field(() => [ProgramRoleAssignmentModel], {
    description:
      'Everyone with an explicit role here, program managers first. Team members get MEMBER when added to a team.',
  })
  roles?: ProgramRoleAssignmentModel[];
}
