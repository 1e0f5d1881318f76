import { Inject, Injectable } from '@nestjs/common';
import { badInput, forbidden } from '@ipt/domain';
import { CLOCK, type Clock } from '../common/clock';
import { DatabaseService } from '../database/database.service';
import { ActorService, unseen } from '../programs/actor.service';
import { ProgramEntity } from '../programs/program.entity';
import type { UserEntity } from '../users/user.entity';
import type { RecordBreakModel } from './record-break.model';
import type { RecordVerificationModel } from './record-verification.model';
import { type RecordBreak, type RecordReport, verifyRecord } from './record-verifier';
import { mayVerifyRecord } from './who-may-verify';

/** One walk of the whole record and when it began. */
interface Check {
  readonly report: RecordReport;
  readonly checkedAt: Date;
}

/** The longest a caller may accept an earlier check for (a day). */
export const MAX_AGE_SECONDS = 86_400;

/**
 * `verifyRecord` for a program (ADR 0016). The chain is one for all programs, so every check
 * walks all of it; what a program's leadership is told is then cut to that program: its own
 * counts, its own first break, or where the chain breaks elsewhere without naming another
 * program's issue (system admins, who see every program, get the issue named).
 *
 * A walk reads the whole history, so callers asking while one is running share it, and a caller
 * may accept a check that finished at most `maxAgeSeconds` ago instead of starting one.
 */
@Injectable()
export class RecordVerificationService {
  private running: Promise<Check> | null = null;
  private latest: Check | null = null;

  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether this person may verify this program's record (a member of it, or an admin). */
  async mayVerify(user: UserEntity, programId: string): Promise<boolean> {
    const actor = await this.actors.forProgram(this.db.reader, user, programId);
    return mayVerifyRecord(actor).allowed;
  }

  async verify(
    user: UserEntity,
    programKey: string,
    maxAgeSeconds: number | null = null,
  ): Promise<RecordVerificationModel> {
    const maxAge = maxAgeSeconds ?? 0;
    if (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > MAX_AGE_SECONDS) {
      throw badInput('maxAgeSeconds', `maxAgeSeconds must be from 0 to ${MAX_AGE_SECONDS}.`);
    }
    const program = await this.db.reader.findOneBy(ProgramEntity, {
      key: programKey.trim().toUpperCase(),
    });
    if (!program) throw unseen(user, 'Program', programKey);
    // Outsiders hear "not a member" first, as everywhere else.
    const actor = await this.actors.authorize(this.db.reader, user, program.id, {
      action: 'VIEW_PROGRAM',
    });
    const verdict = mayVerifyRecord(actor);
    if (!verdict.allowed) throw forbidden(verdict.reason, verdict.requiredRole);

    const check = await this.check(maxAge * 1000);
    return forProgram(check, program, user.isSystemAdmin);
  }

  /** A walk begun now, the one already running, or one finished within `maxAgeMs`. */
  private check(maxAgeMs: number): Promise<Check> {
    const now = this.clock.now();
    if (
      this.latest &&
      maxAgeMs > 0 &&
      now.getTime() - this.latest.checkedAt.getTime() <= maxAgeMs
    ) {
      return Promise.resolve(this.latest);
    }
    if (this.running) return this.running;
    const running = verifyRecord(this.db.reader).then((report) => {
      const check = { report, checkedAt: now };
      this.latest = check;
      return check;
    });
    this.running = running;
    const done = () => {
      if (this.running === running) this.running = null;
    };
    running.then(done, done);
    return running;
  }
}

/** What one program's leadership is told of a walk of the whole chain. */
export function forProgram(
  check: Check,
  program: Pick<ProgramEntity, 'id' | 'key'>,
  seesEveryProgram: boolean,
): RecordVerificationModel {
  const { report } = check;
  const tally = report.programs.find((p) => p.programId === program.id);
  const own = tally?.firstBreak ?? null;
  // Decisions of other programs are theirs alone; a chain break anywhere concerns every program.
  const elsewhere = report.firstChainBreak;
  const shown: RecordBreakModel | null = own
    ? describe(own, true, true)
    : elsewhere
      ? describe(elsewhere, false, seesEveryProgram)
      : null;
  return {
    programKey: program.key,
    verified: report.chainIntact && own === null,
    chainIntact: report.chainIntact,
    eventsChecked: tally?.events ?? 0,
    decisionsChecked: tally?.decisions ?? 0,
    chainEventsChecked: report.events,
    checkedAt: check.checkedAt,
    firstBreak: shown,
  };
}

function describe(found: RecordBreak, inThisProgram: boolean, named: boolean): RecordBreakModel {
  if (named) {
    return {
      seq: found.seq,
      at: found.at,
      issueKey: found.issueKey,
      eventType: found.eventType,
      inThisProgram,
      problem: found.problem,
    };
  }
  return {
    seq: found.seq,
    at: found.at,
    issueKey: null,
    eventType: null,
    inThisProgram,
    problem: `The hash chain, which all programs share, breaks at event #${found.seq} outside this program, so the record cannot be vouched for. A system administrator can see where with npm run verify.`,
  };
}
