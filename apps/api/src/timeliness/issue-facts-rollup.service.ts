import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { DatabaseService } from '../database/database.service';
import type { WriteTransaction } from '../events/write.service';
import { backfillIssueFacts, refreshIssueFacts } from './issue-facts.rollup';
import { TimelinessService } from './timeliness.service';

/**
 * Events that change nothing the timeliness facts are made of: a write of only these (a comment,
 * a nudge) skips rewriting the roll-up, seven statements of the comment's path (ADR 0024).
 */
const LEAVES_FACTS_ALONE: ReadonlySet<string> = new Set(['COMMENT_ADDED', 'ISSUE_NUDGED']);

/**
 * Keeps the roll-up of issue facts (ADR 0013) equal to the tables: every write that recorded an
 * event on an issue rewrites that issue's row before it commits, and at start-up the rows a
 * database from before the roll-up lacks are filled in; then the facts cache is loaded.
 */
@Injectable()
export class IssueFactsRollup implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('IssueFactsRollup');

  constructor(
    private readonly db: DatabaseService,
    private readonly timeliness: TimelinessService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.db.beforeCommit((tx) => this.refresh(tx));
  }

  async onApplicationBootstrap(): Promise<void> {
    let reported = 0;
    const filled = await backfillIssueFacts(
      this.db.reader,
      (work) => this.db.write({ actorId: null, at: this.clock.now() }, (tx) => work(tx.manager)),
      (done, total) => {
        if (done - reported >= 50_000 || done === total) {
          reported = done;
          this.logger.log(`Rolled up the timeliness facts of ${done} of ${total} issues`);
        }
      },
    );
    if (filled > 0) this.logger.log(`Filled in the timeliness roll-up of ${filled} issues`);
    // Only now, with every row in place (the backfill records no events the cache would see).
    const started = performance.now();
    const warmed = await this.timeliness.warmUp();
    if (warmed > 0)
      this.logger.log(
        `Loaded the timeliness facts of ${warmed} program(s) in ${Math.round(performance.now() - started)} ms`,
      );
  }

  /** Rewrites the rows of the issues this write recorded events on. */
  private async refresh(tx: WriteTransaction): Promise<void> {
    const byProgram = new Map<string, Set<string>>();
    for (const event of tx.recorded) {
      if (event.issueId === null || event.programId === null) continue;
      if (LEAVES_FACTS_ALONE.has(event.type)) continue;
      const ids = byProgram.get(event.programId) ?? new Set<string>();
      ids.add(event.issueId);
      byProgram.set(event.programId, ids);
    }
    for (const [programId, ids] of byProgram)
      await refreshIssueFacts(tx.manager, programId, [...ids]);
  }
}
