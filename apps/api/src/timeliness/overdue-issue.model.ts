import { Field, Float, ObjectType } from '@nestjs/graphql';
import { IssueHolderModel } from '../notifications/issue-holder.model';
import { Stage, Tier } from '@ipt/domain';

@ObjectType('OverdueIssue')
export class OverdueIssueModel {
  @Field()
  issueKey!: string;
  @Field()
  title!: string;
  @Field(() => Stage)
  stage!: Stage;
  @Field(() => Date)
  dueAt!: Date;
  @Field(() => Float)
  lateByDays!: number;
  @Field(() => Tier)
  tier!: Tier;
  @Field()
  teamName!: string;
  @Field(() => [IssueHolderModel], {
    description:
      'Who the issue waits on now (whose move it is), to nudge; empty in a report of a past `asOf`.',
  })
  holders!: IssueHolderModel[];
}
