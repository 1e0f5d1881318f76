import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Discipline')
export class DisciplineModel {
  @Field({ description: 'Stable code, e.g. "engineering".' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'Veto-like standing (RAPID "Agree").' })
  agreeRole!: boolean;
}
