import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { IssueModel } from '../issues/models/issue.model';
import { TeamModel } from '../programs/team.model';

@ObjectType('InboxEntry', {
  description:
    'A recommendation waiting on you: a required discipline you represent on the issue’s current team, with neither a current recommendation nor a waiver.',
})
export class InboxEntryModel {
  @Field(() => IssueModel)
  issue!: IssueModel;

  @Field({ description: 'The discipline code you represent, e.g. "engineering".' })
  discipline!: string;

  @Field({ description: 'The program’s name for that discipline.' })
  disciplineName?: string;

  @Field(() => TeamModel, { description: 'The issue’s current team, where you represent it.' })
  team?: TeamModel;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the recommendations are due (null: not set).',
  })
  dueAt!: Date | null;

  @Field({ description: 'The due date has passed.' })
  overdue!: boolean;

  teamId!: string;
  programId!: string;
}
