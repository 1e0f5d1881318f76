import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  CONSEQUENCE_LEVELS,
  DomainError,
  ErrorCode,
  badInput,
  policyDueDateChanges,
  policyProblems,
  staleVersion,
  type Consequence,
  type StageAllowance,
  type Tier,
  type TimelinessPolicy,
} from '@ipt/domain';
import type { Caller } from '../common/caller';
import { updateIfVersion } from '../database/versioned-update';
import { DatabaseService } from '../database/database.service';
import { IssueEntity } from '../issues/issue.entity';
import { ActorService, unseen } from '../programs/actor.service';
import { ProgramEntity } from '../programs/program.entity';
import type { UserEntity } from '../users/user.entity';
import { IssueTimelinessWriter } from './issue-timeliness.writer';
import { calendarOf, policyModel, policyOf } from './policy';
import type { PolicyChangeResultModel } from './policy-change-result.model';
import type { TimelinessPolicyModel } from './timeliness-policy.model';
import type { UpdateTimelinessPolicyInput } from './dto/update-timeliness-policy.input';

const OPEN_STATUSES = ['OPEN', 'IN_REVIEW', 'AWAITING_DECISION', 'DECIDED'];

/**
 * Program managers edit their program's timeliness policy. A change recomputes the due dates of
 * every open issue's running stage that no person set by hand, in the same transaction, and each
 * recomputed issue says so in its timeline; finished stages keep their dates.
 */
@Injectable()
export class TimelinessPolicyService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    private readonly writer: IssueTimelinessWriter,
  ) {}

  async get(caller: Caller, programKey: string): Promise<TimelinessPolicyModel> {
    const program = await this.programByKey(this.db.reader, caller.user, programKey);
    await this.actors.authorize(this.db.reader, caller.user, program.id, {
      action: 'VIEW_PROGRAM',
    });
    return policyModel(program);
  }

  async update(
    caller: Caller,
    input: UpdateTimelinessPolicyInput,
  ): Promise<PolicyChangeResultModel> {
    const policy = policyFromInput(input);
    return this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      const program = await this.programByKey(tx.manager, caller.user, input.programKey);
      await this.actors.authorize(tx.manager, caller.user, program.id, {
        action: 'ADMINISTER_PROGRAM',
      });
      if (program.version !== input.programVersion)
        throw staleVersion(`Program ${program.key}`, input.programVersion, program.version);
      const before = policyOf(program);
      program.timelinessPolicy = policy;
      program.updatedAt = caller.at;
      program.version = await updateIfVersion(
        tx.manager,
        ProgramEntity,
        { id: program.id, what: `Program ${program.key}` },
        input.programVersion,
        { timelinessPolicy: policy, updatedAt: caller.at },
      );
      await tx.record({
        type: 'TIMELINESS_POLICY_CHANGED',
        entityType: 'Program',
        entityId: program.id,
        programId: program.id,
        before: { policy: before },
        after: { policy, version: program.version },
      });

      const calendar = calendarOf(program, policy);
      const open = await tx.manager.find(IssueEntity, {
        where: { programId: program.id, status: In(OPEN_STATUSES) },
      });
      let recomputed = 0;
      for (const issue of open) {
        const changes = policyDueDateChanges(
          this.writer.clockFacts(issue),
          policy,
          calendar,
          caller.at.getTime(),
        );
        if (changes.length === 0) continue;
        recomputed++;
        const before: Record<string, string | null> = {};
        const after: Record<string, string> = {};
        for (const change of changes) {
          before[change.stage] = change.from === null ? null : new Date(change.from).toISOString();
          after[change.stage] = new Date(change.to).toISOString();
          this.writer.setDue(issue, change.stage, new Date(change.to));
        }
        const { id, version: readVersion, ...columns } = issue;
        issue.updatedAt = caller.at;
        issue.version = await updateIfVersion(
          tx.manager,
          IssueEntity,
          { id, what: `Issue ${issue.key}` },
          readVersion,
          { ...columns, updatedAt: caller.at },
        );
        await this.writer.recordWithSnapshot(tx, issue, {
          type: 'DUE_DATES_RECOMPUTED',
          before: { dueDates: before },
          after: {
            dueDates: after,
            reason: 'The program’s timeliness policy changed.',
            version: issue.version,
          },
        });
      }
      return { policy: policyModel(program), recomputedIssues: recomputed };
    });
  }

  private async programByKey(
    manager: EntityManager,
    user: UserEntity,
    key: string,
  ): Promise<ProgramEntity> {
    const program = await manager.findOneBy(ProgramEntity, { key: key.trim().toUpperCase() });
    if (!program) throw unseen(user, 'Program', key);
    return program;
  }
}

function policyFromInput(input: UpdateTimelinessPolicyInput): TimelinessPolicy {
  const levels = input.allowances.map((a) => a.consequence).sort();
  if (JSON.stringify(levels) !== JSON.stringify(CONSEQUENCE_LEVELS)) {
    throw badInput(
      'allowances',
      'Give exactly one row of allowances for each consequence level 1 to 5.',
    );
  }
  const allowances = {} as Record<Consequence, StageAllowance>;
  for (const row of input.allowances) {
    allowances[row.consequence as Consequence] = {
      TRIAGE: row.triage,
      RECOMMENDATIONS: row.recommendations,
      DECISION: row.decision,
      RESOLUTION: row.resolution,
    };
  }
  const grace: Partial<Record<Tier, number>> = {};
  for (const row of input.autoEscalationGrace) {
    if (row.days !== null && row.days !== undefined) grace[row.tier] = row.days;
  }
  const policy: TimelinessPolicy = {
    allowances,
    dayKind: input.dayKind,
    holidays: [...new Set(input.holidays.map((h) => h.trim()))].sort(),
    autoEscalationGraceDays: grace,
  };
  const problems = policyProblems(policy);
  const first = problems[0];
  if (first) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      problems.map((p) => `${p.field}: ${p.message}`).join(' '),
      { field: first.field },
    );
  }
  return policy;
}
