import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { HoldingReason, NOTIFICATION_KIND_LABELS, NotificationKind } from '@ipt/domain';

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

@ObjectType('NotificationPage')
export class NotificationPageModel {
  @Field(() => [NotificationModel], { description: 'Newest first.' })
  items!: NotificationModel[];

  @Field(() => Int, { description: 'All your unread notifications, not only those listed.' })
  unreadCount!: number;
}

@ObjectType('NotificationPreference', { description: 'Whether you get one kind of notification.' })
export class NotificationPreferenceModel {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  enabled!: boolean;
}

@ObjectType('NotificationCount')
export class NotificationCountModel {
  @Field(() => Int)
  unreadCount!: number;
}

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

@ObjectType('NudgedHolder')
export class NudgedHolderModel extends IssueHolderModel {
  @Field({ description: 'False when they turned “nudged” notifications off: nothing was sent.' })
  notified!: boolean;
}

@ObjectType('HolderNudgedEarlier')
export class HolderNudgedEarlierModel extends IssueHolderModel {
  @Field(() => DateTimeScalar, { description: 'When they can be nudged about it again.' })
  nextPossibleAt!: Date;
}

@ObjectType('NudgeResult', { description: 'Who a nudge reminded, and who was nudged already.' })
export class NudgeResultModel {
  @Field()
  issueKey!: string;

  @Field(() => [NudgedHolderModel], { description: 'Reminded now.' })
  nudged!: NudgedHolderModel[];

  @Field(() => [HolderNudgedEarlierModel], {
    description: 'Holders nudged about this issue earlier today, not reminded again.',
  })
  alreadyNudged!: HolderNudgedEarlierModel[];
}
