import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  IssueStatus,
  LIMITS,
  badInput,
  badInputs,
  dueDateOrderProblems,
  dueInPastProblem,
  requireText,
  transition,
  type DueDateStage,
  type InputProblem,
} from '@ipt/domain';
import type { EntityManager } from 'typeorm';
import { ProgramEntity } from '../../programs/program.entity';
import type { Caller } from '../../common/caller';
import type { WriteTransaction } from '../../events/write.service';
import { IssueTimelinessWriter } from '../../timeliness/issue-timeliness.writer';
import { UpdateIssueInput } from '../dto/update-issue.input';
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
        // Every problem with the input is reported at once, each at its field.
        const problems: InputProblem[] = [];
        await collectProblem(problems, () =>
          this.lookups.requireDisciplines(tx.manager, issue.programId, required),
        );
        const owner = await collectProblem(problems, () =>
          this.lookups.requireProgramPerson(tx.manager, issue.programId, input.ownerId, 'ownerId'),
        );
        const given = input.dueDates ?? {};
        const zone = lazyTimeZone(tx.manager, issue.programId);
        // Due at or before now: already overdue the moment it is set.
        if (given.recommendations && given.recommendations <= caller.at) {
          const past = dueInPastProblem(
            'recommendations',
            given.recommendations,
            caller.at,
            await zone(),
          );
          if (past) problems.push(past);
        }
        const givenStages = DUE_FIELDS.filter(([field]) => given[field] != null).map(([f]) => f);
        problems.push(
          ...(await dueDateProblems(
            {
              triage: issue.triageDueAt,
              recommendations: given.recommendations ?? issue.recommendationsDueAt,
              decision: given.decision ?? issue.decisionDueAt,
              resolution: given.resolution ?? issue.resolutionDueAt,
            },
            manualStages(issue.manualDueStages, givenStages),
            zone,
          )),
        );
        if (problems.length > 0 || !owner) throw badInputs(problems);
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
          const problems = await dueDateProblems(
            {
              triage: issue.triageDueAt,
              recommendations: issue.recommendationsDueAt,
              decision: issue.decisionDueAt,
              resolution: issue.resolutionDueAt,
            },
            manualStages(issue.manualDueStages, []),
            lazyTimeZone(tx.manager, issue.programId),
          );
          if (problems.length > 0) throw badInputs(problems);
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

const STAGE_FIELD: Readonly<Record<string, DueDateStage>> = {
  TRIAGE: 'triage',
  RECOMMENDATIONS: 'recommendations',
  DECISION: 'decision',
  RESOLUTION: 'resolution',
};

/** The stages whose dates a person set: those set before, and those given now. */
function manualStages(
  stored: readonly string[],
  given: readonly DueDateStage[],
): ReadonlySet<DueDateStage> {
  const stages = new Set<DueDateStage>(given);
  for (const stage of stored) {
    const field = STAGE_FIELD[stage];
    if (field) stages.add(field);
  }
  return stages;
}

/**
 * The due-date order problems (the rule is @ipt/domain's), in the program's time zone. The zone is
 * read only when there is a problem to word: a triage or edit in order costs no extra statement.
 */
async function dueDateProblems(
  dates: Readonly<Record<DueDateStage, Date | null>>,
  manual: ReadonlySet<DueDateStage>,
  zone: () => Promise<string>,
): Promise<InputProblem[]> {
  if (dueDateOrderProblems(dates, manual, 'UTC').length === 0) return [];
  return dueDateOrderProblems(dates, manual, await zone());
}

function lazyTimeZone(manager: EntityManager, programId: string): () => Promise<string> {
  let timeZone: Promise<string> | null = null;
  return () =>
    (timeZone ??= manager
      .findOneByOrFail(ProgramEntity, { id: programId })
      .then((program) => program.timeZone));
}

/** Runs a check; a BAD_USER_INPUT it raises about a field joins `problems` instead of ending here. */
async function collectProblem<T>(
  problems: InputProblem[],
  check: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await check();
  } catch (error) {
    const field = error instanceof DomainError ? error.details['field'] : undefined;
    if (
      error instanceof DomainError &&
      error.code === ErrorCode.BAD_USER_INPUT &&
      typeof field === 'string'
    ) {
      problems.push({ field, message: error.message });
      return undefined;
    }
    throw error;
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
