import { Field, ID, InputType } from '@nestjs/graphql';
import { TeamRole } from '@ipt/domain';
import { IsBoolean, IsEnum, IsOptional, IsString } from 'class-validator';

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  @IsString()
  teamId!: string;

  @Field(() => ID)
  @IsString()
  userId!: string;

  @Field({ description: 'Code of an active discipline of the program, e.g. "engineering".' })
  @IsString()
  discipline!: string;

  @Field(() => TeamRole)
  @IsEnum(TeamRole, { message: 'role must be LEAD, CORE or ADVISORY.' })
  role!: TeamRole;

  @Field(() => Boolean, {
    nullable: true,
    description: 'May decide the team’s issues; false when left out.',
  })
  @IsOptional()
  @IsBoolean()
  decisionAuthority?: boolean | null;
}
