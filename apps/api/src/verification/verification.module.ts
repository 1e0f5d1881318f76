import { Module, type Type } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
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

/** Verifying the hash-chained record; exports nothing. */
@Module({
  imports: [ProgramsModule],
  providers: [RecordVerificationService, ...VERIFICATION_RESOLVERS],
})
export class VerificationModule {}
