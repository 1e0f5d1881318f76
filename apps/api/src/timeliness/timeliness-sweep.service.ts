import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import { policyEscalationBreach } from '@ipt/domain';
import { CLOCK, type Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { DatabaseService } from '../database/database.service';
import { IssueEntity } from '../issues/issue.entity';
import { EscalationHandler } from '../issues/commands/escalation.handler';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { calendarOf, policyOf } from './policy';

export interface SweepOutcome {
  readonly at: Date;
  /** Keys of the issues this sweep escalated by policy. */
  readonly escalated: string[];
}

/**
 * Escalation by policy: on an interval in the API process (and on demand), every issue whose
 * decision is overdue past its tier's grace period moves one tier up, recorded as an escalation
 * by policy with the reason. Each escalation re-checks the breach inside its own write
 * transaction; across API instances the write lock (SQLite BEGIN IMMEDIATE, a PostgreSQL advisory
 * lock per issue) and the unique breach key make a second instance's attempt a no-op.
 */
@Injectable()
export class TimelinessSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TimelinessSweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepOutcome> | null = null;

  constructor(
    private readonly db: DatabaseService,
    private readonly escalation: EscalationHandler,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.timelinessSweepSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.sweep(this.clock.now()).catch((error: unknown) =>
        this.logger.error(`Timeliness sweep failed: ${String(error)}`),
      );
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One sweep at `at`; a sweep asked for while one runs joins it rather than racing it. */
  sweep(at: Date): Promise<SweepOutcome> {
    if (!this.running) {
      this.running = this.sweepOnce(at).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async sweepOnce(at: Date): Promise<SweepOutcome> {
    const candidates = await this.db.reader.find(IssueEntity, {
      where: { status: In(['IN_REVIEW', 'AWAITING_DECISION']), decisionDueAt: LessThan(at) },
      order: { decisionDueAt: 'ASC' },
    });
    const escalated: string[] = [];
    const programs = new Map<string, ProgramEntity>();
    for (const candidate of candidates) {
      try {
        // Another instance sweeping at the same moment waits for this write's lock (SQLite's
        // write lock, PostgreSQL's advisory write lock), then reads the issue already moved.
        const issue = await this.escalation.escalateByPolicy(
          candidate.id,
          at,
          async (manager, current) => {
            const program =
              programs.get(current.programId) ??
              (await manager.findOneByOrFail(ProgramEntity, { id: current.programId }));
            programs.set(program.id, program);
            const policy = policyOf(program);
            const team = await manager.findOneByOrFail(TeamEntity, { id: current.currentTeamId });
            return policyEscalationBreach(
              {
                id: current.id,
                status: current.status,
                tier: current.currentTier,
                decisionDueAt: current.decisionDueAt?.getTime() ?? null,
                hasParentTeam: team.parentTeamId !== null,
              },
              policy,
              calendarOf(program, policy),
              at.getTime(),
            );
          },
        );
        if (issue) escalated.push(issue.key);
      } catch (error) {
        // A breach another instance escalated first fails the unique key: nothing to do.
        if (/unique|duplicate/i.test(String(error))) continue;
        throw error;
      }
    }
    if (escalated.length > 0) this.logger.log(`Escalated by policy: ${escalated.join(', ')}`);
    return { at, escalated };
  }
}
