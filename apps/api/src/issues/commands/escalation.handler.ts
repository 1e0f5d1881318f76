import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  EscalationSource,
  IssueStatus,
  LifecycleState,
  requireText,
  runningStage,
  transition,
} from '@ipt/domain';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../common/caller';
import type { WriteTransaction } from '../../events/write.service';
import { TeamEntity } from '../../programs/team.entity';
import { clockFactsOf } from '../../timeliness/issue-timeliness.writer';
import type { EscalationPayload } from '../../timeliness/snapshot';
import { EscalateIssueInput } from '../dto/escalate-issue.input';
import { EscalationEntity } from '../escalation.entity';
import { IssueEntity } from '../issue.entity';
import { ChangeRecord, IssueWritePipeline } from './issue-write-pipeline';

/** A breach of the timeliness policy that escalates an issue, named so it escalates once. */
export interface PolicyBreach {
  readonly key: string;
  readonly reason: string;
}

/** One tier up the ladder, asked for by a person or by the program's timeliness policy. */
@Injectable()
export class EscalationHandler {
  constructor(private readonly pipeline: IssueWritePipeline) {}

  escalate(caller: Caller, input: EscalateIssueInput): Promise<IssueEntity> {
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'ESCALATE_ISSUE', issue }),
      (tx, issue, state) =>
        this.moveUp(tx, issue, state, {
          reason: requireText('reason', input.reason),
          source: EscalationSource.PERSON,
          escalatedById: caller.user.id,
          policyBreachKey: null,
        }),
    );
  }

  /**
   * Escalation by the program's timeliness policy, as the system (no actor). `stillBreached` is
   * asked again inside the write transaction, on the issue as it is now, so a sweep that read
   * stale data, or a second API instance sweeping at the same moment (its write waits for this
   * one's lock, then sees the issue moved), escalates nothing twice; the unique breach key on the
   * escalation is the last guard.
   */
  escalateByPolicy(
    issueId: string,
    at: Date,
    stillBreached: (manager: EntityManager, issue: IssueEntity) => Promise<PolicyBreach | null>,
  ): Promise<IssueEntity | null> {
    return this.pipeline.asSystem(at, async (tx) => {
      const issue = await tx.manager.findOneBy(IssueEntity, { id: issueId });
      if (!issue) return null;
      const breach = await stillBreached(tx.manager, issue);
      if (!breach) return null;
      const already = await tx.manager.findOneBy(EscalationEntity, {
        policyBreachKey: breach.key,
      });
      if (already) return null;
      return this.pipeline.applyTo(tx, issue, issue.version, (tx, issue, state) =>
        this.moveUp(tx, issue, state, {
          reason: breach.reason,
          source: EscalationSource.POLICY,
          escalatedById: null,
          policyBreachKey: breach.key,
        }),
      );
    });
  }

  /**
   * The new team reviews afresh, so the review and decision clocks restart there from the policy
   * (dates set by hand for the old tier do not bind the new one).
   */
  private async moveUp(
    tx: WriteTransaction,
    issue: IssueEntity,
    state: LifecycleState,
    how: {
      reason: string;
      source: EscalationSource;
      escalatedById: string | null;
      policyBreachKey: string | null;
    },
  ): Promise<ChangeRecord> {
    const at = tx.at;
    const from = await tx.manager.findOneByOrFail(TeamEntity, { id: issue.currentTeamId });
    const to = from.parentTeamId
      ? await tx.manager.findOneBy(TeamEntity, { id: from.parentTeamId })
      : null;
    const next = transition(state, {
      type: 'ESCALATE',
      parentTier: to?.tier ?? issue.currentTier,
    });
    if (!to) throw new Error(`Team ${from.id} passed the escalation guard without a parent`);
    const leaving = runningStage(clockFactsOf(issue), at.getTime());
    const escalation = {
      id: randomUUID(),
      issueId: issue.id,
      fromTeamId: from.id,
      toTeamId: to.id,
      fromTier: from.tier,
      toTier: to.tier,
      reason: how.reason,
      source: how.source,
      escalatedById: how.escalatedById,
      escalatedAt: at,
      policyBreachKey: how.policyBreachKey,
      fromStage: leaving?.stage ?? null,
      fromStageStartedAt: leaving?.startedAt == null ? null : new Date(leaving.startedAt),
      fromStageDueAt: leaving?.dueAt == null ? null : new Date(leaving.dueAt),
    };
    await tx.manager.insert(EscalationEntity, escalation);
    Object.assign(issue, {
      status: next.status,
      currentTeamId: to.id,
      currentTier: to.tier,
      tierEnteredAt: at,
      readyAt: next.status === IssueStatus.AWAITING_DECISION ? at : null,
      recommendationsDueAt: null,
      decisionDueAt: null,
      manualDueStages: issue.manualDueStages.filter(
        (stage) => stage !== 'RECOMMENDATIONS' && stage !== 'DECISION',
      ),
    });
    return {
      type: 'ISSUE_ESCALATED',
      entityType: 'Escalation',
      entityId: escalation.id,
      before: { status: state.status, team: from.name, tier: from.tier },
      after: {
        status: next.status,
        team: to.name,
        tier: to.tier,
        reason: escalation.reason,
        source: escalation.source,
        escalation: {
          fromTeamId: from.id,
          toTeamId: to.id,
          fromTier: from.tier,
          toTier: to.tier,
          source: how.source,
          fromStage: escalation.fromStage,
          fromStageStartedAt: escalation.fromStageStartedAt?.toISOString() ?? null,
          fromStageDueAt: escalation.fromStageDueAt?.toISOString() ?? null,
        } satisfies EscalationPayload,
      },
    };
  }
}
