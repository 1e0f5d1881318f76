import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IssueOrderColumn, SortDirection } from '@ipt/domain';
import { IsEnum } from 'class-validator';

registerEnumType(IssueOrderColumn, {
  name: 'IssueOrderColumn',
  description: 'A column of the tracker to order issues by.',
  valuesMap: {
    KEY: { description: 'Program key, then running number (HX-2 before HX-10).' },
    TITLE: { description: 'Title, ignoring letter case.' },
    STATUS: { description: 'Place in the lifecycle, OPEN first.' },
    CONSEQUENCE: { description: 'Consequence rating; unrated issues last either way.' },
    OWNER: {
      description: "Owner's name, ignoring letter case; unassigned issues last either way.",
    },
    TEAM: { description: "Current team's name, ignoring letter case." },
    RAISED: { description: 'When raised.' },
    DUE: { description: "Current stage's due date; issues without one last either way." },
  },
});

registerEnumType(SortDirection, { name: 'SortDirection' });

/** How the tracker orders issues (libs/domain issue-order.ts holds the rule). */
@InputType()
export class IssueOrderInput {
  @Field(() => IssueOrderColumn)
  @IsEnum(IssueOrderColumn)
  column!: IssueOrderColumn;

  @Field(() => SortDirection)
  @IsEnum(SortDirection)
  direction!: SortDirection;
}
