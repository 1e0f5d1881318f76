import { Module, type Type } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { LiveEventsService } from './live-events.service';
import { LiveResolver } from './live.resolver';
import { LIVE_PUB_SUB, livePubSubProvider } from './pub-sub';

/** Resolvers of live updates (also used to print the schema). */
export const LIVE_RESOLVERS: Type[] = [LiveResolver];

/**
 * Live updates over the WebSocket. Exports the PubSub (LIVE_PUB_SUB) to notifications, which
 * publishes each person's unread count on it.
 */
@Module({
  imports: [ProgramsModule],
  providers: [livePubSubProvider, LiveEventsService, ...LIVE_RESOLVERS],
  exports: [LIVE_PUB_SUB],
})
export class LiveModule {}
