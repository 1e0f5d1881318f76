import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@ObjectType('SavedView', {
  description: 'A named set of issue-tracker filters and sort, visible only to its owner.',
})
export class SavedViewModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The program it applies to; null: every program you can see.',
  })
  programKey!: string | null;

  @Field({ description: 'The filters and sort as a JSON object, exactly as saved.' })
  query!: string;

  @Field(() => DateTimeScalar, { description: 'When a view of this name was first saved.' })
  createdAt!: Date;
}
