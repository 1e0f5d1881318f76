import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Tier } from '@ipt/domain';

registerEnumType(Tier, { name: 'Tier', description: 'IPT tier, lowest first: WIPT, IIPT, OIPT.' });

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
