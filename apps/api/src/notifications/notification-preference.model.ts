import { Field, ObjectType } from '@nestjs/graphql';
import { NotificationKind } from '@ipt/domain';

@ObjectType('NotificationPreference', { description: 'Whether you get one kind of notification.' })
export class NotificationPreferenceModel {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  enabled!: boolean;
}
