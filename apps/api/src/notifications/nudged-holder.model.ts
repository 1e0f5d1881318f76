import { Field, ObjectType } from '@nestjs/graphql';
import { IssueHolderModel } from './issue-holder.model';

@ObjectType('NudgedHolder')
export class NudgedHolderModel extends IssueHolderModel {
  @Field({ description: 'False when they turned “nudged” notifications off: nothing was sent.' })
  notified!: boolean;
}
