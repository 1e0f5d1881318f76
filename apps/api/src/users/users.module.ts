import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersService } from './users.service';

/** Accounts. Exports UsersService to administration and the demo, which create accounts. */
@Module({
  imports: [AuthModule],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
