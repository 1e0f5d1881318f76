import type { Provider, Type } from '@nestjs/common';
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

/** Services of program set-up and account administration. */
export const ADMINISTRATION_SERVICES: Provider[] = [
  ProgramAdministrationService,
  TeamAdministrationService,
  AccountAdministrationService,
];
