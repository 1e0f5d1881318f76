import { IssueStatus, LIMITS, type DueDateStage, type ImpactArea } from '@ipt/domain';
import { useState } from 'react';
import type { UpdateIssueInput } from '../../../gql/graphql';
import type { IssueDetail } from '../api/get-issue';
import { useDraft } from '../../../lib/use-draft';
import { updateIssue } from '../api/update-issue';
import { dueDayProblems } from '../dates';
import { ActionForm } from './ActionForm';
import { TextField } from '../../../components/fields';
import type { FormEnv } from './form-env';
import {
  ConsequenceField,
  DisciplinesField,
  DueDateFields,
  ImpactAreaField,
  OwnerField,
  TitleField,
  type DueDays,
  type DueStage,
} from './issue-fields';
import { programBlocker } from './ProgramStatus';
import { dayInZone, endOfDayInZone } from '../../../lib/dates';

interface EditValues {
  title: string;
  conditionStatement: string;
  impactArea: string;
  consequence: string;
  ownerId: string;
  requiredDisciplines: string[];
  due: DueDays;
}

const FIELDS = new Set([
  'title',
  'conditionStatement',
  'impactArea',
  'consequence',
  'ownerId',
  'requiredDisciplines',
  'dueDates.triage',
  'dueDates.recommendations',
  'dueDates.decision',
  'dueDates.resolution',
]);

function stagesFor(status: string): DueStage[] {
  return status === IssueStatus.OPEN
    ? ['triage', 'recommendations', 'decision', 'resolution']
    : ['recommendations', 'decision', 'resolution'];
}

function valuesOf(issue: IssueDetail, timeZone: string): EditValues {
  const day = (iso: string | null) => (iso ? dayInZone(iso, timeZone) : '');
  return {
    title: issue.title,
    conditionStatement: issue.conditionStatement,
    impactArea: issue.impactArea,
    consequence: issue.consequence === null ? '' : String(issue.consequence),
    ownerId: issue.owner?.id ?? '',
    requiredDisciplines: [...issue.requiredDisciplines],
    due: {
      triage: day(issue.dueDates.triage),
      recommendations: day(issue.dueDates.recommendations),
      decision: day(issue.dueDates.decision),
      resolution: day(issue.dueDates.resolution),
    },
  };
}

/** Only what the person changed: the API leaves out fields alone. */
export function editChanges(
  initial: EditValues,
  values: EditValues,
  stages: readonly DueStage[],
  timeZone: string,
): Omit<UpdateIssueInput, 'issueKey' | 'version'> {
  const changes: Omit<UpdateIssueInput, 'issueKey' | 'version'> = {};
  if (values.title !== initial.title) changes.title = values.title;
  if (values.conditionStatement !== initial.conditionStatement)
    changes.conditionStatement = values.conditionStatement;
  if (values.impactArea !== initial.impactArea)
    changes.impactArea = values.impactArea as ImpactArea;
  if (values.consequence !== initial.consequence && values.consequence)
    changes.consequence = Number(values.consequence);
  if (values.ownerId !== initial.ownerId && values.ownerId) changes.ownerId = values.ownerId;
  if (values.requiredDisciplines.join() !== initial.requiredDisciplines.join())
    changes.requiredDisciplines = values.requiredDisciplines;
  const dueDates: NonNullable<UpdateIssueInput['dueDates']> = {};
  for (const stage of stages) {
    const day = values.due[stage] ?? '';
    if (day !== (initial.due[stage] ?? '') && day) {
      dueDates[stage] = endOfDayInZone(day, timeZone);
    }
  }
  if (Object.keys(dueDates).length > 0) changes.dueDates = dueDates;
  return changes;
}

export function EditIssueForm({ env }: { env: FormEnv }) {
  const { issue, timeZone } = env;
  const [initial] = useState(() => valuesOf(issue, timeZone));
  const draft = useDraft({ person: env.viewerId, form: 'edit', subject: issue.key }, initial);
  const values = draft.values;
  const stages = stagesFor(issue.status);
  const disciplinesFixed = issue.status === IssueStatus.DECIDED;
  const set =
    <K extends keyof EditValues>(key: K) =>
    (value: EditValues[K]) =>
      draft.update((current) => ({ ...current, [key]: value }));

  return (
    <ActionForm
      env={env}
      draft={draft}
      title="Edit issue"
      submitLabel="Save changes"
      doneMessage="Changes saved."
      blocked={programBlocker(env) ?? undefined}
      ownsField={(field) => FIELDS.has(field)}
      validate={() => {
        const problems: Record<string, string> = {};
        if (!values.title.trim()) problems['title'] = 'Give the issue a title.';
        if (!values.conditionStatement.trim())
          problems['conditionStatement'] = 'State the condition.';
        if (values.requiredDisciplines.length === 0 && initial.requiredDisciplines.length > 0)
          problems['requiredDisciplines'] = 'Keep at least one required discipline.';
        // Compared as the API compares: dates set by hand before, and any changed now.
        const manual = new Set<DueDateStage>(
          stages.filter(
            (stage) =>
              (values.due[stage] ?? '') !== (initial.due[stage] ?? '') ||
              issue.stageClocks.some(
                (clock) => clock.stage === stage.toUpperCase() && clock.dueSource === 'MANUAL',
              ),
          ),
        );
        Object.assign(problems, dueDayProblems(values.due, manual, timeZone));
        for (const stage of stages) {
          const day = values.due[stage] ?? '';
          if (!day && initial.due[stage])
            problems[`dueDates.${stage}`] = 'A due date cannot be removed; choose a date.';
        }
        return problems;
      }}
      submit={(version) =>
        updateIssue({
          issueKey: issue.key,
          version,
          ...editChanges(initial, values, stages, timeZone),
        })
      }
    >
      {(form) => (
        <>
          <TitleField
            value={values.title}
            onChange={set('title')}
            form={form}
            maxLength={LIMITS.titleMax}
          />
          <TextField
            label="Condition"
            name="conditionStatement"
            multiline
            rows={4}
            required
            hint="What has happened or is certain to happen, and its effect."
            value={values.conditionStatement}
            onChange={set('conditionStatement')}
            error={form.fieldError('conditionStatement')}
          />
          <div className="issue-form__row">
            <ConsequenceField
              value={values.consequence}
              onChange={set('consequence')}
              form={form}
            />
            <ImpactAreaField value={values.impactArea} onChange={set('impactArea')} form={form} />
          </div>
          <OwnerField
            program={env.program}
            value={values.ownerId}
            onChange={set('ownerId')}
            form={form}
          />
          <DisciplinesField
            program={env.program}
            value={values.requiredDisciplines}
            onChange={set('requiredDisciplines')}
            form={form}
            disabled={disciplinesFixed}
            hint={
              disciplinesFixed
                ? 'Fixed once a decision is recorded.'
                : 'Each must recommend, or be waived by a program manager, before a decision.'
            }
          />
          <DueDateFields
            stages={stages}
            value={values.due}
            onChange={set('due')}
            form={form}
            required={false}
            timeZone={timeZone}
          />
        </>
      )}
    </ActionForm>
  );
}
