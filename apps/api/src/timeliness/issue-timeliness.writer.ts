import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  policyDueDateChanges,
  type DueDateChange,
  type IssueClockFacts,
  type Stage,
  type TimelinessPolicy,
  type WorkCalendar,
} from '@ipt/domain';
import { selectRows } from '../database/fast-reads';
import type { WriteTransaction } from '../events/write.service';
import type { IssueEntity } from '../issues/issue.entity';
import { ProgramEntity } from '../programs/program.entity';
import { calendarOf, policyOf } from './policy';
import { issueSnapshot, type IssueSnapshot } from './snapshot';

const DUE_COLUMN = {
  TRIAGE: 'triageDueAt',
  RECOMMENDATIONS: 'recommendationsDueAt',
  DECISION: 'decisionDueAt',
  RESOLUTION: 'resolutionDueAt',
} as const satisfies Record<Stage, keyof IssueEntity>;

/** An issue row's instants as the domain's clock functions take them. */
export function clockFactsOf(issue: IssueEntity): IssueClockFacts {
  const ms = (d: Date | null) => (d ? d.getTime() : null);
  return {
    status: issue.status,
    consequence: issue.consequence,
    raisedAt: issue.raisedAt.getTime(),
    tierEnteredAt: (issue.tierEnteredAt ?? issue.raisedAt).getTime(),
    triagedAt: ms(issue.triagedAt),
    readyAt: ms(issue.readyAt),
    decidedAt: ms(issue.decidedAt),
    resolvedAt: ms(issue.resolvedAt),
    closedAt: ms(issue.closedAt),
    withdrawnAt: ms(issue.withdrawnAt),
    due: {
      TRIAGE: ms(issue.triageDueAt),
      RECOMMENDATIONS: ms(issue.recommendationsDueAt),
      DECISION: ms(issue.decisionDueAt),
      RESOLUTION: ms(issue.resolutionDueAt),
    },
    manualDueStages: issue.manualDueStages as Stage[],
  };
}

export interface IssueEventRecord {
  readonly type: string;
  readonly entityType?: string;
  readonly entityId?: string;
  readonly before?: Record<string, unknown> | null;
  readonly after: Record<string, unknown>;
}

/**
 * The timeliness side of every write to an issue, inside the writer's transaction: stage due
 * dates from the program's policy (unless a person set them), and the snapshot each issue event
 * carries so a past instant can be rebuilt from the event log.
 */
@Injectable()
export class IssueTimelinessWriter {
  clockFacts(issue: IssueEntity): IssueClockFacts {
    return clockFactsOf(issue);
  }

  dueOf(issue: IssueEntity, stage: Stage): Date | null {
    return issue[DUE_COLUMN[stage]];
  }

  setDue(issue: IssueEntity, stage: Stage, due: Date | null): void {
    issue[DUE_COLUMN[stage]] = due;
  }

  async policyFor(
    manager: EntityManager,
    programId: string,
  ): Promise<{ policy: TimelinessPolicy; calendar: WorkCalendar }> {
    const program = await manager.findOneByOrFail(ProgramEntity, { id: programId });
    const policy = policyOf(program);
    return { policy, calendar: calendarOf(program, policy) };
  }

  /** Gives each running stage without a date set by hand its policy due date. */
  async applyPolicy(
    manager: EntityManager,
    issue: IssueEntity,
    at: Date,
  ): Promise<DueDateChange[]> {
    const { policy, calendar } = await this.policyFor(manager, issue.programId);
    const changes = policyDueDateChanges(this.clockFacts(issue), policy, calendar, at.getTime());
    for (const change of changes) this.setDue(issue, change.stage, new Date(change.to));
    return changes;
  }

  async snapshot(manager: EntityManager, issue: IssueEntity): Promise<IssueSnapshot> {
    // One statement for the required disciplines and those covered (ADR 0024): every issue event
    // carries this snapshot.
    const rows = await selectRows(manager, DISCIPLINE_COVERAGE, [issue.id, issue.id, issue.id]);
    const covered = new Set(rows.filter((row) => row[0] !== 'required').map((row) => row[1]));
    const codes = rows
      .filter((row) => row[0] === 'required')
      .sort((a, b) => Number(a[2]) - Number(b[2]))
      .map((row) => String(row[1]));
    return issueSnapshot(
      issue,
      codes,
      codes.filter((code) => !covered.has(code)),
    );
  }

  /** Records an issue event whose `after` carries the issue's snapshot. */
  async recordWithSnapshot(
    tx: WriteTransaction,
    issue: IssueEntity,
    record: IssueEventRecord,
  ): Promise<void> {
    await tx.record({
      type: record.type,
      entityType: record.entityType ?? 'Issue',
      entityId: record.entityId ?? issue.id,
      programId: issue.programId,
      issueId: issue.id,
      before: record.before ?? null,
      after: { ...record.after, snapshot: await this.snapshot(tx.manager, issue) },
    });
  }
}

/**
 * An issue's required disciplines (with their order) and the disciplines a live recommendation
 * or a waiver covers. Columns named: PostgreSQL answers rows as objects.
 */
const DISCIPLINE_COVERAGE = `
  SELECT 'required' AS tag, discipline AS discipline, position AS n
    FROM issue_required_disciplines WHERE issue_id = ?
  UNION ALL
  SELECT 'recommended', discipline, NULL FROM recommendations
   WHERE issue_id = ? AND superseded_at IS NULL
  UNION ALL
  SELECT 'waived', discipline, NULL FROM waivers WHERE issue_id = ?`;
