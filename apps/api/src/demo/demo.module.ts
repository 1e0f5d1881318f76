import { Module } from '@nestjs/common';
import { IssuesModule } from '../issues/issues.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { DemoAccountsController } from './demo-accounts.controller';
import { DemoService } from './demo.service';

/** The demo program (loaded at start when configured) and its sign-in accounts; exports nothing. */
@Module({
  imports: [UsersModule, IssuesModule, NotificationsModule],
  controllers: [DemoAccountsController],
  providers: [DemoService],
})
export class DemoModule {}
