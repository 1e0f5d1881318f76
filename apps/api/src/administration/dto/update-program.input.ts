import { Field, Int, InputType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

@InputType()
export class UpdateProgramInput {
  @Field()
  @IsString()
  programKey!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'name must be at most 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'phase must be at most 100 characters.' })
  phase?: string | null;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'timeZone must be at most 64 characters.' })
  timeZone?: string | null;
}
