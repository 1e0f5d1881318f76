import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { IssueModel } from '../issues/models/issue.model';
import { TeamModel } from '../programs/team.model';
import { UserModel } from '../users/user.model';

@ObjectType('DecisionQueueEntry', {
  description:
    'An issue AWAITING_DECISION on a team where you hold decision authority: yours to decide.',
})
export class DecisionQueueEntryModel {
  @Field(() => IssueModel)
  issue!: IssueModel;

  @Field(() => TeamModel, { description: 'The issue’s current team, where you decide.' })
  team?: TeamModel;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the decision is due (null: not set).',
  })
  dueAt!: Date | null;

  @Field({ description: 'The due date has passed.' })
  overdue!: boolean;

  @Field(() => [UserModel], {
    description: 'Active people of the issue’s program, who may be assigned its action items.',
  })
  assignees?: UserModel[];

  teamId!: string;
  programId!: string;
}
