import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('WeekCount')
export class WeekCountModel {
  @Field({ description: 'Monday of the week, a local date in the program’s time zone.' })
  weekStart!: string;
  @Field(() => Int)
  opened!: number;
  @Field(() => Int)
  closed!: number;
  @Field(() => Int, { description: 'Issues overdue at the week’s end (or now).' })
  overdue!: number;
}
