import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/context';
import type { NotificationEntity } from './notification.entity';
import { NotificationModel } from './notification.model';

/** What a notification says about its program: the zone its times are written in. */
@Resolver(() => NotificationModel)
export class NotificationFieldsResolver {
  @ResolveField(() => String, {
    description:
      'The IANA time zone of the program it is about, in which its times are written (ADR 26).',
  })
  async timeZone(
    @Parent() notification: NotificationEntity,
    @Context() { loaders }: RequestContext,
  ): Promise<string> {
    return (await loaders.program.load(notification.programId))?.timeZone ?? 'UTC';
  }
}
