import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  notFound,
  recordDecision,
  requireText,
  transition,
} from '@ipt/domain';
import { IsNull } from 'typeorm';
import type { Caller } from '../../common/caller';
import { MembershipEntity } from '../../programs/membership.entity';
import { TeamEntity } from '../../programs/team.entity';
import type { DecisionPayload } from '../../timeliness/snapshot';
import { decisionContentHash } from '../../verification/decision-hash';
import { ActionItemEntity } from '../action-item.entity';
import { DecisionEntity } from '../decision.entity';
import { CompleteActionItemInput } from '../dto/complete-action-item.input';
import { FileNonConcurrenceInput } from '../dto/file-non-concurrence.input';
import { RecordDecisionInput } from '../dto/record-decision.input';
import { IssueEntity } from '../issue.entity';
import { NonConcurrenceEntity } from '../non-concurrence.entity';
import { RecommendationEntity } from '../recommendation.entity';
import { IssueLookups } from './issue-lookups';
import { IssueWritePipeline } from './issue-write-pipeline';

/** The decision and what follows from it: superseding, non-concurrence, action items. */
@Injectable()
export class DecisionsHandler {
  constructor(
    private readonly pipeline: IssueWritePipeline,
    private readonly lookups: IssueLookups,
  ) {}

  recordDecision(caller: Caller, input: RecordDecisionInput): Promise<IssueEntity> {
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'RECORD_DECISION', issue }),
      async (tx, issue, state) => {
        const actionItems = input.actionItems ?? [];
        // Refused before anything is looked up, as every command is.
        transition(state, { type: 'RECORD_DECISION', actionItems: actionItems.length });
        const option = await this.lookups.option(tx.manager, issue, input.optionId);
        for (const [index, item] of actionItems.entries()) {
          await this.lookups.requireProgramPerson(
            tx.manager,
            issue.programId,
            item.assigneeId,
            `actionItems.${index}.assigneeId`,
          );
        }
        const current = await tx.manager.find(RecommendationEntity, {
          where: { issueId: issue.id, supersededAt: IsNull() },
        });
        const team = await tx.manager.findOneByOrFail(TeamEntity, { id: issue.currentTeamId });
        const previous = await tx.manager.findOneBy(DecisionEntity, {
          issueId: issue.id,
          supersededAt: IsNull(),
        });
        // What the decision is and does is the domain's rule; this stores it.
        const recorded = recordDecision({
          state,
          decisionId: randomUUID(),
          issueId: issue.id,
          programId: issue.programId,
          option,
          rationale: input.rationale,
          conditions: input.conditions,
          decidedById: caller.user.id,
          team,
          decidedAt: caller.at,
          readyAt: issue.readyAt,
          decisionDueAt: issue.decisionDueAt,
          currentRecommendations: current,
          inForce: previous,
          actionItems: actionItems.map((item) => ({ ...item, id: randomUUID() })),
        });
        const decision = tx.manager.create(DecisionEntity, {
          ...recorded.decision,
          supersededById: null,
          supersededAt: null,
          contentHash: '',
        });
        decision.contentHash = decisionContentHash(decision);
        // The one in force steps down first: the database allows one decision in force per issue.
        if (recorded.superseded) {
          const { id, supersededAt, supersededById } = recorded.superseded;
          await tx.manager.update(DecisionEntity, { id }, { supersededAt, supersededById });
        }
        await tx.manager.insert(DecisionEntity, decision);
        const items = recorded.actionItems.map((item) => ({
          id: item.id,
          decisionId: decision.id,
          issueId: issue.id,
          title: item.title,
          assigneeId: item.assigneeId,
          dueAt: item.dueAt,
          doneAt: null,
          completedById: null,
        }));
        if (items.length > 0) await tx.manager.insert(ActionItemEntity, items);
        Object.assign(issue, recorded.issue);
        return {
          type: recorded.eventType,
          entityType: 'Decision',
          entityId: decision.id,
          before: recorded.eventBefore,
          after: recorded.eventAfter(decision.contentHash) satisfies {
            decision: DecisionPayload;
          },
        };
      },
    );
  }

  fileNonConcurrence(caller: Caller, input: FileNonConcurrenceInput): Promise<IssueEntity> {
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'FILE_NON_CONCURRENCE', issue }),
      async (tx, issue, state) => {
        transition(state, { type: 'FILE_NON_CONCURRENCE' });
        const decision = await tx.manager.findOneByOrFail(DecisionEntity, {
          issueId: issue.id,
          supersededAt: IsNull(),
        });
        // In turn: a transaction's connection runs one statement at a time; pg warns, pg 9 refuses.
        const membership = await tx.manager.findOneByOrFail(MembershipEntity, {
          teamId: issue.currentTeamId,
          userId: caller.user.id,
        });
        const decidingTeam = await tx.manager.findOneByOrFail(TeamEntity, { id: decision.teamId });
        const nonConcurrence = {
          id: randomUUID(),
          decisionId: decision.id,
          issueId: issue.id,
          authorId: caller.user.id,
          discipline: membership.discipline,
          rationale: requireText('rationale', input.rationale),
          impacts: (input.impacts ?? '').trim(),
          // Sent one tier up for review (NASA/NRC practice); at the top there is no tier above.
          reviewTeamId: decidingTeam.parentTeamId,
          filedAt: caller.at,
        };
        await tx.manager.insert(NonConcurrenceEntity, nonConcurrence);
        return {
          type: 'NON_CONCURRENCE_FILED',
          entityType: 'NonConcurrence',
          entityId: nonConcurrence.id,
          after: {
            decisionId: decision.id,
            discipline: membership.discipline,
            rationale: nonConcurrence.rationale,
            reviewTeamId: nonConcurrence.reviewTeamId,
          },
        };
      },
    );
  }

  /** Who may complete an item depends on the item (its assignee), so it is loaded first. */
  completeActionItem(caller: Caller, input: CompleteActionItemInput): Promise<IssueEntity> {
    return this.pipeline.inWrite(caller, async (tx) => {
      const item = await tx.manager.findOneBy(ActionItemEntity, { id: input.actionItemId });
      const issue = await this.lookups.issueByKey(tx.manager, input.issueKey, caller.user);
      // Outsiders are refused before the item is checked, so it does not matter whether it exists.
      await this.pipeline.authorize(tx, caller, issue.programId, { action: 'VIEW_PROGRAM' });
      if (!item || item.issueId !== issue.id) throw notFound('Action item', input.actionItemId);
      await this.pipeline.authorize(tx, caller, issue.programId, {
        action: 'COMPLETE_ACTION_ITEM',
        issue,
        assigneeId: item.assigneeId,
      });
      return this.pipeline.applyTo(tx, issue, input.version, async (_tx, current, state) => {
        if (item.doneAt) {
          throw new DomainError(
            ErrorCode.CONFLICT,
            `Action item "${item.title}" was already completed.`,
            { field: 'actionItemId' },
          );
        }
        transition(state, { type: 'COMPLETE_ACTION_ITEM' });
        await tx.manager.update(
          ActionItemEntity,
          { id: item.id },
          { doneAt: caller.at, completedById: caller.user.id },
        );
        return {
          type: 'ACTION_ITEM_COMPLETED',
          entityType: 'ActionItem',
          entityId: item.id,
          before: { doneAt: null },
          after: {
            title: item.title,
            doneAt: caller.at.toISOString(),
            openActionItems: state.openActionItems - 1,
            issue: current.key,
          },
        };
      });
    });
  }
}
