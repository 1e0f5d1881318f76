import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('OverdueActionItem')
export class OverdueActionItemModel {
  @Field(() => ID)
  id!: string;
  @Field()
  issueKey!: string;
  @Field()
  title!: string;
  @Field()
  assigneeName!: string;
  @Field(() => Date)
  dueAt!: Date;
  @Field(() => Float)
  lateByDays!: number;
}
