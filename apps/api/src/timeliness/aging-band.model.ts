import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AgingBand')
export class AgingBandModel {
  @Field()
  label!: string;
  @Field(() => Int)
  minDays!: number;
  @Field(() => Int, { nullable: true })
  maxDays!: number | null;
  @Field(() => Int)
  count!: number;
  @Field({ description: 'Local date: issues raised on or after it are in the band.' })
  raisedFrom!: string;
  @Field(() => String, { nullable: true, description: 'Local date: raised on or before it.' })
  raisedTo!: string | null;
}
