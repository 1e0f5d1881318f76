import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { IsDate, IsOptional } from 'class-validator';

@InputType()
export class StageDueDatesUpdateInput {
  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  triage?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  recommendations?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  decision?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  resolution?: Date | null;
}
