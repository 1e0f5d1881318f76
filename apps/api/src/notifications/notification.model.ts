import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { NOTIFICATION_KIND_LABELS, NotificationKind } from '@ipt/domain';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'Why a person is told about something; each kind can be turned off per person.',
  valuesMap: Object.fromEntries(
    Object.entries(NOTIFICATION_KIND_LABELS).map(([kind, { description }]) => [
      kind,
      { description },
    ]),
  ),
});

@ObjectType('Notification', { description: 'Something the signed-in person is told about.' })
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field({ description: 'One line to read at a glance, e.g. "HX-12 is waiting on your …".' })
  title!: string;

  @Field({ description: 'The detail: the issue, who did what, a due date in program time.' })
  message!: string;

  @Field({ description: 'The web app path it opens, e.g. /issues/HX-12.' })
  link!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while unread.' })
  readAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When it stopped holding (a due date or overdue work that was done, decided, re-dated or escalated away); it no longer counts as unread.',
  })
  resolvedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it no longer holds, e.g. "No longer needed: HX-12 was decided."',
  })
  resolution!: string | null;
}
