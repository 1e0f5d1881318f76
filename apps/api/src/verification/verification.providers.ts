import type { Provider, Type } from '@nestjs/common';
import {
  ProgramVerificationResolver,
  RecordVerificationResolver,
} from './record-verification.resolver';
import { RecordVerificationService } from './record-verification.service';

/** Resolvers of record verification (also used to print the schema). */
export const VERIFICATION_RESOLVERS: Type[] = [
  RecordVerificationResolver,
  ProgramVerificationResolver,
];

/** Services of record verification. */
export const VERIFICATION_SERVICES: Provider[] = [RecordVerificationService];
