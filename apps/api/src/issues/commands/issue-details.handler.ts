import { Injectable } from '@nestjs/common';
import { IssueStatus, LIMITS, badInput, requireText, transition } from '@ipt/domain';
import type { Caller } from '../../common/caller';
import type { WriteTransaction } from '../../events/write.service';
import { IssueTimelinessWriter } from '../../timeliness/issue-timeliness.writer';
import { UpdateIssueInput } from '../dto/lifecycle.inputs';
import { TriageIssueInput } from '../dto/triage-issue.input';
import { IssueRequiredDisciplineEntity } from '../issue-required-discipline.entity';
import { IssueEntity } from '../issue.entity';
import { IssueLookups } from './issue-lookups';
import { IssueWritePipeline } from './issue-write-pipeline';

const DUE_FIELDS = [
  ['triage', 'TRIAGE'],
  ['recommendations', 'RECOMMENDATIONS'],
  ['decision', 'DECISION'],
  ['resolution', 'RESOLUTION'],
] as const;

/** Triage and later edits: owner, consequence, required disciplines, due dates set by hand. */
@Injectable()
export class IssueDetailsHandler {
  constructor(
    private readonly pipeline: IssueWritePipeline,
    private readonly lookups: IssueLookups,
    private readonly timeliness: IssueTimelinessWriter,
  ) {}

  triage(caller: Caller, input: TriageIssueInput): Promise<IssueEntity> {
    return this.pipeline.change(
      caller,
      input,
      (issue) => ({ action: 'TRIAGE_ISSUE', issue }),
      async (tx, issue, state) => {
        const required = [...new Set(input.requiredDisciplines.map((d) => d.trim()))];
        await this.lookups.requireDisciplines(tx.manager, issue.programId, required);
        const owner = await this.lookups.requireProgramPerson(
          tx.manager,
          issue.programId,
          input.ownerId,
          'ownerId',
        );
        const given = input.dueDates ?? {};
        if (given.recommendations && given.recommendations <= caller.at)
          throw badInput(
            'dueDates.recommendations',
            'The recommendations due date must be after now.',
          );
        const next = transition(state, { type: 'TRIAGE', requiredDisciplines: required });
        const before = {
          status: issue.status,
          ownerId: issue.ownerId,
          consequence: issue.consequence,
        };
        await replaceRequiredDisciplines(tx, issue.id, required);
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

  update(caller: Caller, input: UpdateIssueInput): Promise<IssueEntity> {
    return this.pipeline.change(
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
        if (input.ownerId != null) {
          const owner = await this.lookups.requireProgramPerson(
            tx.manager,
            issue.programId,
            input.ownerId,
            'ownerId',
          );
          set('ownerId', owner.id);
        }
        if (required) {
          await this.lookups.requireDisciplines(tx.manager, issue.programId, required);
          if (JSON.stringify(required) !== JSON.stringify(state.requiredDisciplines)) {
            before['requiredDisciplines'] = state.requiredDisciplines;
            after['requiredDisciplines'] = required;
            await replaceRequiredDisciplines(tx, issue.id, required);
          }
        }
        const due = input.dueDates;
        if (due) {
          const manual = new Set(issue.manualDueStages);
          for (const [field, stage] of DUE_FIELDS) {
            const value = due[field];
            if (value == null) continue;
            set(`${field}DueAt`, value);
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
          throw badInput('input', 'Nothing to change: every field given already has that value.');
        return { type: 'ISSUE_UPDATED', before, after };
      },
    );
  }
}

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
      throw badInput(
        field,
        `${field} cannot be before the stage before it (${previous.toISOString()}).`,
      );
    previous = due;
  }
}

/** The disciplines that must weigh in, in the order given, as of this change. */
async function replaceRequiredDisciplines(
  tx: WriteTransaction,
  issueId: string,
  required: readonly string[],
): Promise<void> {
  await tx.manager.delete(IssueRequiredDisciplineEntity, { issueId });
  await tx.manager.insert(
    IssueRequiredDisciplineEntity,
    required.map((discipline, position) => ({ issueId, discipline, position, requiredAt: tx.at })),
  );
}
