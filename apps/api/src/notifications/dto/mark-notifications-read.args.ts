import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';

export const MARK_READ_MAX = 500;

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], {
    nullable: true,
    description: 'The notifications to mark read; every one of yours when empty or left out.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MARK_READ_MAX, { message: `ids can name at most ${MARK_READ_MAX} notifications.` })
  @IsString({ each: true })
  ids?: string[] | null;
}
