import { Module, type Type } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';

/** Resolvers of signing in and out (also used to print the schema). */
export const AUTH_RESOLVERS: Type[] = [AuthResolver];

/**
 * Sessions and passwords. Exports AuthService to the session guard (AppModule), users,
 * administration and the idempotency middleware, which all need to know who is signed in.
 */
@Module({
  imports: [ProgramsModule],
  providers: [AuthService, ...AUTH_RESOLVERS],
  exports: [AuthService],
})
export class AuthModule {}
