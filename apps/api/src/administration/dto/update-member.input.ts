import { Field, ID, InputType } from '@nestjs/graphql';
import { TeamRole } from '@ipt/domain';
import { IsBoolean, IsEnum, IsOptional, IsString } from 'class-validator';

@InputType()
export class UpdateMemberInput {
  @Field(() => ID)
  @IsString()
  membershipId!: string;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsString()
  discipline?: string | null;

  @Field(() => TeamRole, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsEnum(TeamRole, { message: 'role must be LEAD, CORE or ADVISORY.' })
  role?: TeamRole | null;

  @Field(() => Boolean, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsBoolean()
  decisionAuthority?: boolean | null;
}
