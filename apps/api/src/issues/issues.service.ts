import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  EscalationSource,
  IssueStatus,
  LIMITS,
  LifecycleState,
  optionLabel,
  Permission,
  badInput,
  formatIssueKey,
  notFound,
  parseIssueKey,
  requireText,
  runningStage,
  staleVersion,
  transition,
} from '@ipt/domain';
import { EntityManager, In, IsNull } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { WriteTransaction } from '../events/write.service';
import { ActorService } from '../programs/actor.service';
import { DisciplineEntity } from '../programs/discipline.entity';
import { ProgramRoleEntity } from '../programs/program-role.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { UserEntity } from '../users/user.entity';
import { ActionItemEntity } from './action-item.entity';
import { DecisionEntity } from './decision.entity';
import { AddOptionInput } from './dto/add-option.input';
import { CloseIssueInput } from './dto/close-issue.input';
import {
  CommentOnIssueInput,
  CompleteActionItemInput,
  EscalateIssueInput,
  FileNonConcurrenceInput,
  ResolveIssueInput,
  UpdateIssueInput,
  WaiveDisciplineInput,
  WithdrawIssueInput,
} from './dto/lifecycle.inputs';
import { CommentEntity } from './comment.entity';
import { EscalationEntity } from './escalation.entity';
import { NonConcurrenceEntity } from './non-concurrence.entity';
import { RaiseIssueInput } from './dto/raise-issue.input';
import { RecordDecisionInput } from './dto/record-decision.input';
import { SubmitRecommendationInput } from './dto/submit-recommendation.input';
import { TriageIssueInput } from './dto/triage-issue.input';
import { IssueRequiredDisciplineEntity } from './issue-required-discipline.entity';
import { IssueEntity } from './issue.entity';
import { OptionEntity } from './option.entity';
import { RecommendationEntity } from './recommendation.entity';
import { WaiverEntity } from './waiver.entity';
import { IssueFilter, IssuePage, IssueQueries } from './issue.queries';
import { IssueTimelinessWriter, clockFactsOf } from '../timeliness/issue-timeliness.writer';
import { decisionContentHash } from '../verification/decision-hash';
import type {
  DecisionPayload,
  EscalationPayload,
  RecommendationPayload,
} from '../timeliness/snapshot';

/** The person acting, and the instant their change counts as made. */
export interface Caller {
  readonly user: UserEntity;
  readonly at: Date;
}

/**
 * Every change to an issue: load it in the write transaction, check who may, check the version
 * the caller read, ask the lifecycle state machine, then change it and record the event.
 */
@Injectable()
export class IssuesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    private readonly queries: IssueQueries,
    private readonly timeliness: IssueTimelinessWriter,
  ) {}

  async raise(caller: Caller, input: RaiseIssueInput): Promise<IssueEntity> {
    const title = requireText('title', input.title, LIMITS.titleMax);
    const conditionStatement = requireText('conditionStatement', input.conditionStatement);
    return this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      const program = await this.programByKey(tx.manager, input.programKey);
      const team = await tx.manager.findOneBy(TeamEntity, {
        id: input.teamId,
        programId: program.id,
      });
      // Check membership of the program before saying anything about its teams.
      await this.actors.authorize(tx.manager, caller.user, program.id, { action: 'VIEW_PROGRAM' });
      if (!team || !team.active)
        throw badInput('teamId', `No active team ${input.teamId} in program ${program.key}.`);
      await this.actors.authorize(tx.manager, caller.user, program.id, {
        action: 'RAISE_ISSUE',
        teamId: team.id,
      });

      const number = program.nextIssueNumber;
      await tx.manager.update(ProgramEntity, { id: program.id }, { nextIssueNumber: number + 1 });
      const issue = tx.manager.create(IssueEntity, {
        id: randomUUID(),
        programId: program.id,
        number,
        key: formatIssueKey(program.key, number),
        title,
        conditionStatement,
        impactArea: input.impactArea,
        consequence: (input.consequence ?? null) as IssueEntity['consequence'],
        status: IssueStatus.OPEN,
        raisedById: caller.user.id,
        ownerId: null,
        originTeamId: team.id,
        currentTeamId: team.id,
        currentTier: team.tier,
        version: 1,
        raisedAt: caller.at,
        tierEnteredAt: caller.at,
        triagedAt: null,
        readyAt: null,
        decidedAt: null,
        resolvedAt: null,
        closedAt: null,
        withdrawnAt: null,
        triageDueAt: null,
        recommendationsDueAt: null,
        decisionDueAt: null,
        resolutionDueAt: null,
        manualDueStages: [],
        updatedAt: caller.at,
      });
      await this.timeliness.applyPolicy(tx.manager, issue, caller.at);
      await tx.manager.insert(IssueEntity, issue);
      await this.recordIssueEvent(tx, issue, 'ISSUE_RAISED', null, {
        key: issue.key,
        title,
        conditionStatement,
        impactArea: issue.impactArea,
        consequence: issue.consequence,
        team: team.name,
        teamId: team.id,
        tier: team.tier,
      });
      return issue;
    });
  }

  async triage(caller: Caller, input: TriageIssueInput): Promise<IssueEntity> {
    return this.change(
      caller,
      input,
      (issue) => ({ action: 'TRIAGE_ISSUE', issue }),
      async (tx, issue, state) => {
        const required = [...new Set(input.requiredDisciplines.map((d) => d.trim()))];
        await this.requireDisciplines(tx.manager, issue.programId, required);
        const owner = await this.requireProgramPerson(
          tx.manager,
          issue.programId,
          input.ownerId,
          'ownerId',
        );
        const given = input.dueDates ?? {};
        if (given.recommendations && given.recommendations <= caller.at)
          badInputThrow(
            'dueDates.recommendations',
            'The recommendations due date must be after now.',
          );
        const next = transition(state, { type: 'TRIAGE', requiredDisciplines: required });
        const before = {
          status: issue.status,
          ownerId: issue.ownerId,
          consequence: issue.consequence,
        };
        await tx.manager.delete(IssueRequiredDisciplineEntity, { issueId: issue.id });
        await tx.manager.insert(
          IssueRequiredDisciplineEntity,
          required.map((discipline, position) => ({
            issueId: issue.id,
            discipline,
            position,
            requiredAt: caller.at,
          })),
        );
        Object.assign(issue, {
          status: next.status,
          ownerId: owner.id,
          consequence: input.consequence,
          impactArea: input.impactArea ?? issue.impactArea,
          triagedAt: caller.at,
        });
        // Dates given by hand stay as given; the policy fills the running stage's from here.
        const manual = new Set(issue.manualDueStages);
        for (const [field, stage] of DUE_FIELDS) {
          const value = given[field];
          if (value == null) continue;
          this.timeliness.setDue(issue, stage, value);
          manual.add(stage);
        }
        issue.manualDueStages = [...manual];
        await this.timeliness.applyPolicy(tx.manager, issue, caller.at);
        assertDueDatesInOrder(issue);
        return {
          type: 'ISSUE_TRIAGED',
          before,
          after: {
            status: issue.status,
            ownerId: owner.id,
            owner: owner.name,
            consequence: issue.consequence,
            requiredDisciplines: required,
            dueDates: {
              recommendations: issue.recommendationsDueAt,
              decision: issue.decisionDueAt,
              resolution: issue.resolutionDueAt,
            },
            manualDueStages: issue.manualDueStages,
          },
        };
      },
    );
  }

  async addOption(caller: Caller, input: AddOptionInput): Promise<IssueEntity> {
    return this.change(
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

  async submitRecommendation(
    caller: Caller,
    input: SubmitRecommendationInput,
  ): Promise<IssueEntity> {
    const discipline = input.discipline.trim();
    return this.change(
      caller,
      input,
      (issue) => ({ action: 'SUBMIT_RECOMMENDATION', issue, discipline }),
      async (tx, issue, state) => {
        const next = transition(state, { type: 'SUBMIT_RECOMMENDATION', discipline });
        const option = await tx.manager.findOneBy(OptionEntity, {
          id: input.optionId,
          issueId: issue.id,
        });
        if (!option)
          badInputThrow('optionId', `Option ${input.optionId} is not an option of ${issue.key}.`);
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

  async recordDecision(caller: Caller, input: RecordDecisionInput): Promise<IssueEntity> {
    return this.change(
      caller,
      input,
      (issue) => ({ action: 'RECORD_DECISION', issue }),
      async (tx, issue, state) => {
        const actionItems = input.actionItems ?? [];
        const next = transition(state, {
          type: 'RECORD_DECISION',
          actionItems: actionItems.length,
        });
        const option = await tx.manager.findOneBy(OptionEntity, {
          id: input.optionId,
          issueId: issue.id,
        });
        if (!option)
          badInputThrow('optionId', `Option ${input.optionId} is not an option of ${issue.key}.`);
        for (const [index, item] of actionItems.entries()) {
          await this.requireProgramPerson(
            tx.manager,
            issue.programId,
            item.assigneeId,
            `actionItems.${index}.assigneeId`,
          );
          requireText(`actionItems.${index}.title`, item.title, 300);
          if (item.dueAt <= caller.at) {
            badInputThrow(
              `actionItems.${index}.dueAt`,
              'An action item must be due after the decision is recorded.',
            );
          }
        }
        const current = await tx.manager.find(RecommendationEntity, {
          where: { issueId: issue.id, supersededAt: IsNull() },
        });
        const team = await tx.manager.findOneByOrFail(TeamEntity, { id: issue.currentTeamId });
        const previous = await tx.manager.findOneBy(DecisionEntity, {
          issueId: issue.id,
          supersededAt: IsNull(),
        });
        const decision = tx.manager.create(DecisionEntity, {
          id: randomUUID(),
          issueId: issue.id,
          programId: issue.programId,
          optionId: option.id,
          rationale: requireText('rationale', input.rationale),
          conditions: (input.conditions ?? '').trim(),
          decidedById: caller.user.id,
          teamId: team.id,
          tier: team.tier,
          decidedAt: caller.at,
          readyAt: issue.readyAt,
          dueAt: issue.decisionDueAt,
          consideredRecommendationIds: current.map((r) => r.id),
          dissentingDisciplines: [
            ...new Set(current.filter((r) => r.optionId !== option.id).map((r) => r.discipline)),
          ],
          supersedesId: previous?.id ?? null,
          supersededById: null,
          supersededAt: null,
          contentHash: '',
        });
        decision.contentHash = decisionContentHash(decision);
        // The one in force steps down first: the database allows one decision in force per issue.
        if (previous) {
          await tx.manager.update(
            DecisionEntity,
            { id: previous.id },
            { supersededAt: caller.at, supersededById: decision.id },
          );
        }
        await tx.manager.insert(DecisionEntity, decision);
        const items = actionItems.map((item) => ({
          id: randomUUID(),
          decisionId: decision.id,
          issueId: issue.id,
          title: item.title.trim(),
          assigneeId: item.assigneeId,
          dueAt: item.dueAt,
          doneAt: null,
          completedById: null,
        }));
        if (items.length > 0) await tx.manager.insert(ActionItemEntity, items);
        Object.assign(issue, { status: next.status, decidedAt: caller.at, resolvedAt: null });
        return {
          type: previous ? 'DECISION_SUPERSEDED' : 'DECISION_RECORDED',
          entityType: 'Decision',
          entityId: decision.id,
          before: previous
            ? { decisionId: previous.id, optionId: previous.optionId, status: state.status }
            : { status: state.status },
          after: {
            option: option.label,
            optionId: option.id,
            rationale: decision.rationale,
            conditions: decision.conditions,
            dissentingDisciplines: decision.dissentingDisciplines,
            contentHash: decision.contentHash,
            actionItems: actionItems.length,
            status: next.status,
            decision: {
              teamId: team.id,
              tier: team.tier,
              readyAt: issue.readyAt?.toISOString() ?? null,
              dueAt: issue.decisionDueAt?.toISOString() ?? null,
              actionItems: items.map((item) => ({
                id: item.id,
                title: item.title,
                assigneeId: item.assigneeId,
                dueAt: item.dueAt.toISOString(),
              })),
            } satisfies DecisionPayload,
          },
        };
      },
    );
  }

  async close(caller: Caller, input: CloseIssueInput): Promise<IssueEntity> {
    return this.change(
      caller,
      input,
      (issue) => ({ action: 'CLOSE_ISSUE', issue }),
      async (_tx, issue, state) => {
        const next = transition(state, { type: 'CLOSE' });
        Object.assign(issue, {
          status: next.status,
          closedAt: caller.at,
          resolvedAt: issue.resolvedAt ?? caller.at,
        });
        return {
          type: 'ISSUE_CLOSED',
          before: { status: state.status },
          after: { status: next.status, note: (input.note ?? '').trim() || null },
        };
      },
    );
  }

  async update(caller: Caller, input: UpdateIssueInput): Promise<IssueEntity> {
    return this.change(
      caller,
      input,
      (issue) => ({ action: 'UPDATE_ISSUE', issue }),
      async (tx, issue, state) => {
        const required = input.requiredDisciplines
          ? [...new Set(input.requiredDisciplines.map((d) => d.trim()))]
          : undefined;
        const next = transition(state, {
          type: 'UPDATE',
          ...(required ? { requiredDisciplines: required } : {}),
        });
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        const set = <K extends keyof IssueEntity>(field: K, value: IssueEntity[K]) => {
          if (JSON.stringify(issue[field]) === JSON.stringify(value)) return;
          before[field] = issue[field];
          after[field] = value;
          issue[field] = value;
        };
        if (input.title != null) set('title', requireText('title', input.title, LIMITS.titleMax));
        if (input.conditionStatement != null)
          set('conditionStatement', requireText('conditionStatement', input.conditionStatement));
        if (input.consequence != null)
          set('consequence', input.consequence as IssueEntity['consequence']);
        if (input.impactArea != null) set('impactArea', input.impactArea);
        if (input.ownerId != null)
          set(
            'ownerId',
            (await this.requireProgramPerson(tx.manager, issue.programId, input.ownerId, 'ownerId'))
              .id,
          );
        if (required) {
          await this.requireDisciplines(tx.manager, issue.programId, required);
          if (JSON.stringify(required) !== JSON.stringify(state.requiredDisciplines)) {
            before['requiredDisciplines'] = state.requiredDisciplines;
            after['requiredDisciplines'] = required;
            await tx.manager.delete(IssueRequiredDisciplineEntity, { issueId: issue.id });
            await tx.manager.insert(
              IssueRequiredDisciplineEntity,
              required.map((discipline, position) => ({
                issueId: issue.id,
                discipline,
                position,
                requiredAt: caller.at,
              })),
            );
          }
        }
        const due = input.dueDates;
        if (due) {
          const manual = new Set(issue.manualDueStages);
          const stages = [
            ['triage', 'triageDueAt', 'TRIAGE'],
            ['recommendations', 'recommendationsDueAt', 'RECOMMENDATIONS'],
            ['decision', 'decisionDueAt', 'DECISION'],
            ['resolution', 'resolutionDueAt', 'RESOLUTION'],
          ] as const;
          for (const [field, column, stage] of stages) {
            const value = due[field];
            if (value == null) continue;
            set(column, value);
            manual.add(stage);
          }
          issue.manualDueStages = [...manual];
          assertDueDatesInOrder(issue);
        }
        if (next.statusChanged) {
          before['status'] = state.status;
          after['status'] = next.status;
          issue.status = next.status;
          issue.readyAt = next.status === IssueStatus.AWAITING_DECISION ? caller.at : null;
        }
        if (Object.keys(after).length === 0)
          badInputThrow('input', 'Nothing to change: every field given already has that value.');
        return { type: 'ISSUE_UPDATED', before, after };
      },
    );
  }

  async escalate(caller: Caller, input: EscalateIssueInput): Promise<IssueEntity> {
    return this.change(
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
   * Escalation by the program's timeliness policy, as the system (no actor). `stillBreached`
   * is asked again inside the write transaction, on the issue as it is now, so a sweep that read
   * stale data, or a second API instance sweeping at the same moment, escalates nothing twice; the
   * unique breach key on the escalation is the last guard.
   */
  async escalateByPolicy(
    issueId: string,
    at: Date,
    stillBreached: (
      manager: EntityManager,
      issue: IssueEntity,
      hasParentTeam: boolean,
    ) => Promise<{ key: string; reason: string } | null>,
  ): Promise<IssueEntity | null> {
    return this.db.write({ actorId: null, at }, async (tx) => {
      const issue = await tx.manager.findOneBy(IssueEntity, { id: issueId });
      if (!issue) return null;
      const state = await this.lifecycleState(tx.manager, issue);
      const breach = await stillBreached(tx.manager, issue, state.hasParentTeam);
      if (!breach) return null;
      const already = await tx.manager.findOneBy(EscalationEntity, {
        policyBreachKey: breach.key,
      });
      if (already) return null;
      const record = await this.moveUp(tx, issue, state, {
        reason: breach.reason,
        source: EscalationSource.POLICY,
        escalatedById: null,
        policyBreachKey: breach.key,
      });
      await this.timeliness.applyPolicy(tx.manager, issue, at);
      issue.version += 1;
      issue.updatedAt = at;
      await tx.manager.save(IssueEntity, issue);
      await this.timeliness.recordWithSnapshot(tx, issue, {
        ...record,
        after: { ...record.after, version: issue.version },
      });
      return issue;
    });
  }

  /**
   * One tier up: the new team reviews afresh, so the review and decision clocks restart there
   * from the policy (dates set by hand for the old tier do not bind the new one).
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

  async waiveDiscipline(caller: Caller, input: WaiveDisciplineInput): Promise<IssueEntity> {
    const discipline = input.discipline.trim();
    return this.change(
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

  async completeActionItem(caller: Caller, input: CompleteActionItemInput): Promise<IssueEntity> {
    return this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      const item = await tx.manager.findOneBy(ActionItemEntity, { id: input.actionItemId });
      const issue = await this.findByKey(tx.manager, input.issueKey);
      if (!item || item.issueId !== issue.id) throw notFound('Action item', input.actionItemId);
      return this.changeLoaded(
        tx,
        caller,
        issue,
        input.version,
        { action: 'COMPLETE_ACTION_ITEM', issue, assigneeId: item.assigneeId },
        async (_tx, current, state) => {
          if (item.doneAt) {
            throw new DomainError(
              ErrorCode.CONFLICT,
              `Action item "${item.title}" was already completed.`,
              {
                field: 'actionItemId',
              },
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
        },
      );
    });
  }

  async resolve(caller: Caller, input: ResolveIssueInput): Promise<IssueEntity> {
    return this.change(
      caller,
      input,
      (issue) => ({ action: 'RESOLVE_ISSUE', issue }),
      async (_tx, issue, state) => {
        const next = transition(state, { type: 'RESOLVE' });
        Object.assign(issue, { status: next.status, resolvedAt: caller.at });
        return {
          type: 'ISSUE_RESOLVED',
          before: { status: state.status },
          after: { status: next.status, note: (input.note ?? '').trim() || null },
        };
      },
    );
  }

  async withdraw(caller: Caller, input: WithdrawIssueInput): Promise<IssueEntity> {
    return this.change(
      caller,
      input,
      (issue) => ({ action: 'WITHDRAW_ISSUE', issue }),
      async (_tx, issue, state) => {
        const next = transition(state, { type: 'WITHDRAW' });
        const reason = requireText('reason', input.reason);
        Object.assign(issue, { status: next.status, withdrawnAt: caller.at });
        return {
          type: 'ISSUE_WITHDRAWN',
          before: { status: state.status },
          after: { status: next.status, reason },
        };
      },
    );
  }

  async fileNonConcurrence(caller: Caller, input: FileNonConcurrenceInput): Promise<IssueEntity> {
    return this.change(
      caller,
      input,
      (issue) => ({ action: 'FILE_NON_CONCURRENCE', issue }),
      async (tx, issue, state) => {
        transition(state, { type: 'FILE_NON_CONCURRENCE' });
        const decision = await tx.manager.findOneByOrFail(DecisionEntity, {
          issueId: issue.id,
          supersededAt: IsNull(),
        });
        const [membership, decidingTeam] = await Promise.all([
          tx.manager.findOneByOrFail(MembershipEntity, {
            teamId: issue.currentTeamId,
            userId: caller.user.id,
          }),
          tx.manager.findOneByOrFail(TeamEntity, { id: decision.teamId }),
        ]);
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

  /**
   * Comments are discussion beside the record, not an edit of it: they take no version (two people
   * commenting at once both succeed) and leave the issue's version alone, but are in the timeline.
   */
  async comment(caller: Caller, input: CommentOnIssueInput): Promise<IssueEntity> {
    const body = requireText('body', input.body);
    return this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      const issue = await this.findByKey(tx.manager, input.issueKey);
      await this.actors.authorize(tx.manager, caller.user, issue.programId, {
        action: 'COMMENT',
        issue,
      });
      transition(await this.lifecycleState(tx.manager, issue), { type: 'COMMENT' });
      const comment = {
        id: randomUUID(),
        issueId: issue.id,
        authorId: caller.user.id,
        body,
        createdAt: caller.at,
        editedAt: null,
      };
      await tx.manager.insert(CommentEntity, comment);
      await tx.record({
        type: 'COMMENT_ADDED',
        entityType: 'Comment',
        entityId: comment.id,
        programId: issue.programId,
        issueId: issue.id,
        after: { body },
      });
      return issue;
    });
  }

  list(user: UserEntity, filter: IssueFilter): Promise<IssuePage> {
    return this.queries.page(user, filter);
  }

  async byKey(user: UserEntity, key: string): Promise<IssueEntity> {
    const issue = await this.findByKey(this.db.reader, key);
    await this.actors.authorize(this.db.reader, user, issue.programId, { action: 'VIEW_PROGRAM' });
    return issue;
  }

  /** The facts the lifecycle state machine needs about an issue. */
  async lifecycleState(manager: EntityManager, issue: IssueEntity): Promise<LifecycleState> {
    const [team, required, recommendations, waivers, optionCount, openActionItems] =
      await Promise.all([
        manager.findOneByOrFail(TeamEntity, { id: issue.currentTeamId }),
        manager.find(IssueRequiredDisciplineEntity, {
          where: { issueId: issue.id },
          order: { position: 'ASC' },
        }),
        manager.find(RecommendationEntity, {
          where: { issueId: issue.id, supersededAt: IsNull() },
        }),
        manager.find(WaiverEntity, { where: { issueId: issue.id } }),
        manager.countBy(OptionEntity, { issueId: issue.id }),
        manager
          .createQueryBuilder(ActionItemEntity, 'a')
          .innerJoin(DecisionEntity, 'd', 'd.id = a.decision_id')
          // Only the decision in force has work outstanding; a superseded one's items no longer bind.
          .where('a.issue_id = :issueId AND a.done_at IS NULL AND d.superseded_at IS NULL', {
            issueId: issue.id,
          })
          .getCount(),
      ]);
    return {
      status: issue.status,
      tier: issue.currentTier,
      hasParentTeam: team.parentTeamId !== null,
      requiredDisciplines: required.map((r) => r.discipline),
      recommendedDisciplines: recommendations.map((r) => r.discipline),
      waivedDisciplines: waivers.map((w) => w.discipline),
      optionCount,
      openActionItems,
    };
  }

  /**
   * The common shape of a change to an existing issue, in one write transaction: not found ->
   * not allowed -> stale version -> the change itself (which asks the state machine) -> version
   * bump and event. Any error rolls the whole transaction back.
   */
  private change(
    caller: Caller,
    input: { issueKey: string; version: number },
    permission: (issue: { currentTeamId: string; ownerId: string | null }) => Permission,
    apply: (
      tx: WriteTransaction,
      issue: IssueEntity,
      state: LifecycleState,
    ) => Promise<ChangeRecord>,
  ): Promise<IssueEntity> {
    return this.db.write({ actorId: caller.user.id, at: caller.at }, async (tx) => {
      const issue = await this.findByKey(tx.manager, input.issueKey);
      return this.changeLoaded(tx, caller, issue, input.version, permission(issue), apply);
    });
  }

  private async changeLoaded(
    tx: WriteTransaction,
    caller: Caller,
    issue: IssueEntity,
    version: number,
    permission: Permission,
    apply: (
      tx: WriteTransaction,
      issue: IssueEntity,
      state: LifecycleState,
    ) => Promise<ChangeRecord>,
  ): Promise<IssueEntity> {
    await this.actors.authorize(tx.manager, caller.user, issue.programId, permission);
    if (issue.version !== version) throw staleVersion(`Issue ${issue.key}`, version, issue.version);
    const state = await this.lifecycleState(tx.manager, issue);
    const record = await apply(tx, issue, state);
    await this.timeliness.applyPolicy(tx.manager, issue, caller.at);
    issue.version += 1;
    issue.updatedAt = caller.at;
    await tx.manager.save(IssueEntity, issue);
    await this.timeliness.recordWithSnapshot(tx, issue, {
      ...record,
      after: { ...record.after, version: issue.version },
    });
    return issue;
  }

  private async recordIssueEvent(
    tx: WriteTransaction,
    issue: IssueEntity,
    type: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    await this.timeliness.recordWithSnapshot(tx, issue, { type, before, after });
  }

  private async findByKey(manager: EntityManager, key: string): Promise<IssueEntity> {
    const parsed = parseIssueKey(key);
    if (!parsed) throw badInput('issueKey', `"${key}" is not an issue key; keys look like HX-42.`);
    const issue = await manager.findOneBy(IssueEntity, {
      key: formatIssueKey(parsed.programKey, parsed.number),
    });
    if (!issue) throw notFound('Issue', key);
    return issue;
  }

  private async programByKey(manager: EntityManager, key: string): Promise<ProgramEntity> {
    const program = await manager.findOneBy(ProgramEntity, { key: key.trim().toUpperCase() });
    if (!program) throw notFound('Program', key);
    return program;
  }

  private async requireDisciplines(
    manager: EntityManager,
    programId: string,
    codes: string[],
  ): Promise<void> {
    const known = await manager.find(DisciplineEntity, {
      where: { programId, code: In(codes), active: true },
    });
    const unknown = codes.filter((code) => !known.some((d) => d.code === code));
    if (unknown.length > 0) {
      throw badInput(
        'requiredDisciplines',
        `Not a discipline of this program: ${unknown.join(', ')}.`,
      );
    }
  }

  /** A user with a role in the program (owners and assignees must be). */
  private async requireProgramPerson(
    manager: EntityManager,
    programId: string,
    userId: string,
    field: string,
  ): Promise<UserEntity> {
    const [role, membership] = await Promise.all([
      manager.findOneBy(ProgramRoleEntity, { programId, userId }),
      manager
        .createQueryBuilder(MembershipEntity, 'm')
        .innerJoin(TeamEntity, 't', 't.id = m.team_id')
        .where('m.user_id = :userId AND t.program_id = :programId', { userId, programId })
        .getOne(),
    ]);
    const user = role || membership ? await manager.findOneBy(UserEntity, { id: userId }) : null;
    if (!user || !user.active)
      throw badInput(field, `User ${userId} is not an active member of this program.`);
    return user;
  }
}

interface ChangeRecord {
  readonly type: string;
  readonly entityType?: string;
  readonly entityId?: string;
  readonly before?: Record<string, unknown> | null;
  readonly after: Record<string, unknown>;
}

const DUE_FIELDS = [
  ['triage', 'TRIAGE'],
  ['recommendations', 'RECOMMENDATIONS'],
  ['decision', 'DECISION'],
  ['resolution', 'RESOLUTION'],
] as const;

/**
 * Due dates set by hand must follow the lifecycle's order. Policy dates are set as each stage
 * starts, from its own start, so they are not compared (a finished triage's date says nothing
 * about when the review is due).
 */
function assertDueDatesInOrder(issue: IssueEntity): void {
  const ordered = [
    ['dueDates.triage', issue.triageDueAt, 'TRIAGE'],
    ['dueDates.recommendations', issue.recommendationsDueAt, 'RECOMMENDATIONS'],
    ['dueDates.decision', issue.decisionDueAt, 'DECISION'],
    ['dueDates.resolution', issue.resolutionDueAt, 'RESOLUTION'],
  ] as const;
  let previous: Date | null = null;
  for (const [field, due, stage] of ordered) {
    if (!due || !issue.manualDueStages.includes(stage)) continue;
    if (previous && due < previous)
      badInputThrow(
        field,
        `${field} cannot be before the stage before it (${previous.toISOString()}).`,
      );
    previous = due;
  }
}

function badInputThrow(field: string, message: string): never {
  throw badInput(field, message);
}
