import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HoldingReason } from '@ipt/domain';

registerEnumType(HoldingReason, {
  name: 'HoldingReason',
  description: 'Why an issue waits on a person now.',
  valuesMap: {
    RECOMMENDATION: { description: 'Owes a pending discipline’s recommendation.' },
    DECISION: { description: 'Has decision authority on the team the decision waits on.' },
    OWNER: { description: 'Owns the issue in triage or while its decision is carried out.' },
    PROGRAM_MANAGER: { description: 'A program manager: nobody else can make the next move.' },
  },
});

@ObjectType('IssueHolder', { description: 'A person an issue waits on now.' })
export class IssueHolderModel {
  @Field(() => ID)
  userId!: string;

  @Field()
  name!: string;

  @Field(() => HoldingReason)
  reason!: HoldingReason;

  @Field(() => [String], {
    description: 'The pending disciplines they represent (recommendations only), by name.',
  })
  disciplineNames!: readonly string[];
}
