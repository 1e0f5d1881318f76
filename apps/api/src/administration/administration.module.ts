import { Module, type Type } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ProgramsModule } from '../programs/programs.module';
import { UsersModule } from '../users/users.module';
import { AccountAdministrationResolver } from './account-administration.resolver';
import { AccountAdministrationService } from './account-administration.service';
import { ProgramAdministrationResolver } from './program-administration.resolver';
import { ProgramAdministrationService } from './program-administration.service';
import { TeamAdministrationResolver } from './team-administration.resolver';
import { TeamAdministrationService } from './team-administration.service';

/** Resolvers of program set-up and account administration (also used to print the schema). */
export const ADMINISTRATION_RESOLVERS: Type[] = [
  ProgramAdministrationResolver,
  TeamAdministrationResolver,
  AccountAdministrationResolver,
];

/** Program set-up and account administration; nothing else uses its services. */
@Module({
  imports: [ProgramsModule, UsersModule, AuthModule],
  providers: [
    ProgramAdministrationService,
    TeamAdministrationService,
    AccountAdministrationService,
    ...ADMINISTRATION_RESOLVERS,
  ],
})
export class AdministrationModule {}
