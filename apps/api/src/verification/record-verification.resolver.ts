import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { ProgramModel } from '../programs/program.model';
import type { ProgramEntity } from '../programs/program.entity';
import { UserEntity } from '../users/user.entity';
import { RecordVerificationModel } from './record-verification.model';
import { MAX_AGE_SECONDS, RecordVerificationService } from './record-verification.service';

@Resolver(() => RecordVerificationModel)
export class RecordVerificationResolver {
  constructor(private readonly verification: RecordVerificationService) {}

  @Query(() => RecordVerificationModel, {
    description:
      'Program leadership and system admins: recompute the hash chain of every event and every decision’s content hash, and say whether this program’s record verifies (ADR 0016).',
  })
  verifyRecord(
    @CurrentUser() user: UserEntity,
    @Args('programKey') programKey: string,
    @Args('maxAgeSeconds', {
      type: () => Int,
      nullable: true,
      description: `Accept a check that began at most this many seconds ago instead of walking the chain again (0-${MAX_AGE_SECONDS}; default 0: check now).`,
    })
    maxAgeSeconds: number | null,
  ): Promise<RecordVerificationModel> {
    return this.verification.verify(user, programKey, maxAgeSeconds);
  }
}

/** Whether the signed-in person may verify a program's record, so screens offer it only then. */
@Resolver(() => ProgramModel)
export class ProgramVerificationResolver {
  constructor(private readonly verification: RecordVerificationService) {}

  @ResolveField(() => Boolean, {
    description: 'Whether you may verify this program’s record (verifyRecord).',
  })
  viewerMayVerifyRecord(
    @Parent() program: ProgramEntity,
    @CurrentUser() user: UserEntity,
  ): Promise<boolean> {
    return this.verification.mayVerify(user, program.id);
  }
}
