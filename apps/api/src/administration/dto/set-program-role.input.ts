import { Field, ID, InputType } from '@nestjs/graphql';
import { ProgramRoleKind } from '@ipt/domain';
import { IsEnum, IsOptional, IsString } from 'class-validator';

@InputType()
export class SetProgramRoleInput {
  @Field()
  @IsString()
  programKey!: string;

  @Field(() => ID)
  @IsString()
  userId!: string;

  @Field(() => ProgramRoleKind, {
    nullable: true,
    description:
      'Null or left out removes the explicit role (members of the program’s teams stay MEMBERs).',
  })
  @IsOptional()
  @IsEnum(ProgramRoleKind, { message: 'role must be PROGRAM_MANAGER, MEMBER or null.' })
  role?: ProgramRoleKind | null;
}
