import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Screen } from '@ipt/domain';

registerEnumType(Screen, {
  name: 'Screen',
  description: 'A screen of the web app, as navigation offers it.',
});

/** The kinds of work a person does across their programs, and the screens that follow. */
@ObjectType('WorkProfile')
export class WorkProfileModel {
  @Field({ description: 'Manages accounts and programs across the installation.' })
  systemAdmin!: boolean;

  @Field({ description: 'Program manager of at least one program.' })
  programManager!: boolean;

  @Field({ description: 'Holds decision authority on at least one active team.' })
  decisionAuthority!: boolean;

  @Field({
    description: 'Member of at least one active team without decision authority there.',
  })
  representative!: boolean;

  @Field(() => Screen, { description: 'Where the person lands on signing in.' })
  landing!: Screen;

  @Field(() => [Screen], {
    description: 'The screens their navigation offers, in order (every screen stays reachable).',
  })
  screens!: Screen[];
}
