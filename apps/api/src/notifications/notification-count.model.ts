import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('NotificationCount')
export class NotificationCountModel {
  @Field(() => Int)
  unreadCount!: number;
}
