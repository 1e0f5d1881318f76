import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IssueStatus, LIMITS, optionLabel, requireText, transition } from '@ipt/domain';
import { IsNull } from 'typeorm';
import type { Caller } from '../../common/caller';
import type { RecommendationPayload } from '../../timeliness/snapshot';
import { AddOptionInput } from '../dto/add-option.input';
import { WaiveDisciplineInput } from '../dto/waive-discipline.input';
import { SubmitRecommendationInput } from '../dto/submit-recommendation.input';
import { IssueEntity } from '../issue.entity';
import { OptionEntity } from '../option.entity';
import { RecommendationEntity } from '../recommendation.entity';
import { WaiverEntity } from '../waiver.entity';
import { IssueLookups } from './issue-lookups';
import { IssueWritePipeline } from './issue-write-pipeline';

/** Gathering input: the options to choose from, each discipline's recommendation, waivers. */
@Injectable()
export class RecommendationsHandler {
  constructor(
    private readonly pipeline: IssueWritePipeline,
    private readonly lookups: IssueLookups,
  ) {}

  addOption(caller: Caller, input: AddOptionInput): Promise<IssueEntity> {
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'ADD_OPTION', issue }),
      async (tx, issue, state) => {
        transition(state, { type: 'ADD_OPTION' });
        const option = tx.manager.create(OptionEntity, {
          id: randomUUID(),
          issueId: issue.id,
          label: optionLabel(state.optionCount),
          title: requireText('title', input.title, LIMITS.titleMax),
          description: (input.description ?? '').trim(),
          impacts: (input.impacts ?? '').trim(),
          createdById: caller.user.id,
          createdAt: caller.at,
        });
        await tx.manager.insert(OptionEntity, option);
        return {
          type: 'OPTION_ADDED',
          entityType: 'Option',
          entityId: option.id,
          after: {
            label: option.label,
            title: option.title,
            description: option.description,
            impacts: option.impacts,
          },
        };
      },
    );
  }

  submitRecommendation(caller: Caller, input: SubmitRecommendationInput): Promise<IssueEntity> {
    const discipline = input.discipline.trim();
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'SUBMIT_RECOMMENDATION', issue, discipline }),
      async (tx, issue, state) => {
        const next = transition(state, { type: 'SUBMIT_RECOMMENDATION', discipline });
        const option = await this.lookups.option(tx.manager, issue, input.optionId);
        const previous = await tx.manager.findOneBy(RecommendationEntity, {
          issueId: issue.id,
          discipline,
          supersededAt: IsNull(),
        });
        const requestedAt = new Date(
          Math.max(
            (issue.triagedAt ?? issue.raisedAt).getTime(),
            (issue.tierEnteredAt ?? issue.raisedAt).getTime(),
          ),
        );
        const recommendation = tx.manager.create(RecommendationEntity, {
          id: randomUUID(),
          issueId: issue.id,
          discipline,
          requestedAt,
          dueAt: issue.recommendationsDueAt,
          authorId: caller.user.id,
          teamId: issue.currentTeamId,
          optionId: option.id,
          rationale: requireText('rationale', input.rationale),
          impactAssessment: (input.impactAssessment ?? '').trim(),
          alternatives: (input.alternatives ?? '').trim(),
          submittedAt: caller.at,
          supersededAt: null,
          supersededById: null,
        });
        await tx.manager.insert(RecommendationEntity, recommendation);
        if (previous) {
          await tx.manager.update(
            RecommendationEntity,
            { id: previous.id },
            { supersededAt: caller.at, supersededById: recommendation.id },
          );
        }
        const becameReady = next.statusChanged && next.status === IssueStatus.AWAITING_DECISION;
        Object.assign(issue, {
          status: next.status,
          readyAt: becameReady ? caller.at : issue.readyAt,
        });
        return {
          type: 'RECOMMENDATION_SUBMITTED',
          entityType: 'Recommendation',
          entityId: recommendation.id,
          before: previous
            ? { recommendationId: previous.id, optionId: previous.optionId, status: state.status }
            : { status: state.status },
          after: {
            discipline,
            option: option.label,
            optionId: option.id,
            rationale: recommendation.rationale,
            status: next.status,
            recommendation: {
              discipline,
              teamId: issue.currentTeamId,
              tier: issue.currentTier,
              requestedAt: requestedAt.toISOString(),
              dueAt: issue.recommendationsDueAt?.toISOString() ?? null,
            } satisfies RecommendationPayload,
          },
        };
      },
    );
  }

  waiveDiscipline(caller: Caller, input: WaiveDisciplineInput): Promise<IssueEntity> {
    const discipline = input.discipline.trim();
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'WAIVE_DISCIPLINE', issue }),
      async (tx, issue, state) => {
        const next = transition(state, { type: 'WAIVE_DISCIPLINE', discipline });
        const waiver = {
          id: randomUUID(),
          issueId: issue.id,
          discipline,
          reason: requireText('reason', input.reason),
          waivedById: caller.user.id,
          waivedAt: caller.at,
        };
        await tx.manager.insert(WaiverEntity, waiver);
        const becameReady = next.statusChanged && next.status === IssueStatus.AWAITING_DECISION;
        Object.assign(issue, {
          status: next.status,
          readyAt: becameReady ? caller.at : issue.readyAt,
        });
        return {
          type: 'DISCIPLINE_WAIVED',
          entityType: 'Waiver',
          entityId: waiver.id,
          before: { status: state.status },
          after: { discipline, reason: waiver.reason, status: next.status },
        };
      },
    );
  }
}
