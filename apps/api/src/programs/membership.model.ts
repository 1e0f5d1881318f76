import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TeamRole } from '@ipt/domain';
import { UserModel } from '../users/user.model';
import { TeamModel } from './team.model';

registerEnumType(TeamRole, { name: 'TeamRole' });

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
