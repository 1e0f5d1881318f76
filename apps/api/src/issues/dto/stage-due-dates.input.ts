import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { IsDate, IsOptional } from 'class-validator';

@InputType()
export class StageDueDatesInput {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only before triage is done; usually left out.',
  })
  @IsOptional()
  @IsDate()
  triage?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set on purpose; left out, the program’s timeliness policy gives it.',
  })
  @IsOptional()
  @IsDate()
  recommendations?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set on purpose; left out, the program’s timeliness policy gives it.',
  })
  @IsOptional()
  @IsDate()
  decision?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Set on purpose; left out, the program’s timeliness policy gives it.',
  })
  @IsOptional()
  @IsDate()
  resolution?: Date | null;
}
