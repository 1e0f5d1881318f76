import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { IsDate, IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class ActionItemInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'title must not be empty.' })
  @MaxLength(300)
  title!: string;

  @Field(() => ID)
  @IsString()
  assigneeId!: string;

  @Field(() => DateTimeScalar)
  @IsDate()
  dueAt!: Date;
}
