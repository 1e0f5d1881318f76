import { Module, type Type } from '@nestjs/common';
import { ActorService } from './actor.service';
import { MembershipResolver, ProgramsResolver, TeamResolver } from './programs.resolver';
import { ProgramsService } from './programs.service';

/** Resolvers of programs, teams and memberships (also used to print the schema). */
export const PROGRAMS_RESOLVERS: Type[] = [ProgramsResolver, TeamResolver, MembershipResolver];

/**
 * Programs, their teams and who belongs to them. Exports ActorService: every feature asks it who
 * the caller is in a program before reading or writing there.
 */
@Module({
  providers: [ProgramsService, ActorService, ...PROGRAMS_RESOLVERS],
  exports: [ActorService],
})
export class ProgramsModule {}
