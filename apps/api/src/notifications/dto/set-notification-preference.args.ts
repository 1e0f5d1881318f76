import { ArgsType, Field } from '@nestjs/graphql';
import { NotificationKind } from '@ipt/domain';
import { IsBoolean, IsEnum } from 'class-validator';
import '../notification.model';

@ArgsType()
export class SetNotificationPreferenceArgs {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind!: NotificationKind;

  @Field()
  @IsBoolean()
  enabled!: boolean;
}
