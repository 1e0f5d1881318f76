import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProgramRoleKind } from '@ipt/domain';
import { UserModel } from '../users/user.model';

registerEnumType(ProgramRoleKind, { name: 'ProgramRole' });

@ObjectType('ProgramRoleAssignment', { description: 'A person’s explicit role in a program.' })
export class ProgramRoleAssignmentModel {
  @Field(() => UserModel)
  user!: UserModel;

  @Field(() => ProgramRoleKind)
  role!: ProgramRoleKind;
}
