import { Field, Int, ObjectType } from '@nestjs/graphql';
import { NotificationModel } from './notification.model';

@ObjectType('NotificationPage')
export class NotificationPageModel {
  @Field(() => [NotificationModel], { description: 'Newest first.' })
  items!: NotificationModel[];

  @Field(() => Int, { description: 'All your unread notifications, not only those listed.' })
  unreadCount!: number;
}
