import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ProgramRoleKind } from '@ipt/domain';
import { DisciplineModel } from './discipline.model';
import { TeamModel } from './team.model';
import { ProgramRoleAssignmentModel } from './program-role-assignment.model';

@ObjectType('Program')
export class ProgramModel {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field()
  name!: string;

  @Field()
  phase!: string;

  @Field({ description: 'IANA time zone for day boundaries and business days.' })
  timeZone!: string;

  @Field(() => Int, {
    description: 'Changes with every update; send it back to update the program.',
  })
  version!: number;

  @Field(() => ProgramRoleKind, { nullable: true, description: 'The signed-in user’s role here.' })
  myRole?: ProgramRoleKind | null;

  @Field(() => [TeamModel])
  teams?: TeamModel[];

  @Field(() => [DisciplineModel])
  disciplines?: DisciplineModel[];

  @Field(() => [ProgramRoleAssignmentModel], {
    description:
      'Everyone with an explicit role here, program managers first. Team members get MEMBER when added to a team.',
  })
  roles?: ProgramRoleAssignmentModel[];
}
