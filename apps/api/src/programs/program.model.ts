import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
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

  @Field(() => TeamModel, { nullable: true, description: 'Where unresolved issues escalate to.' })
  parentTeam?: TeamModel | null;
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

  @Field(() => ProgramRoleKind, { nullable: true, description: 'The signed-in user’s role here.' })
  myRole?: ProgramRoleKind | null;

  @Field(() => [TeamModel])
  teams?: TeamModel[];

  @Field(() => [DisciplineModel])
  disciplines?: DisciplineModel[];
}
