import type { ImpactArea } from '@ipt/domain';
import { useState } from 'react';
import { triageIssue } from '../api/triage-issue';
import { dayInZone, endOfDayInZone } from '../dates';
import { ActionForm } from './ActionForm';
import type { FormEnv } from './form-env';
import {
  ConsequenceField,
  DisciplinesField,
  DueDateFields,
  ImpactAreaField,
  OwnerField,
  type DueDays,
} from './issue-fields';
import { programBlocker } from './ProgramStatus';

const STAGES = ['recommendations', 'decision', 'resolution'] as const;
const FIELDS = new Set([
  'ownerId',
  'consequence',
  'impactArea',
  'requiredDisciplines',
  'dueDates.recommendations',
  'dueDates.decision',
  'dueDates.resolution',
]);

export function TriageForm({ env }: { env: FormEnv }) {
  const { issue, timeZone } = env;
  const [ownerId, setOwnerId] = useState(issue.owner?.id ?? '');
  const [consequence, setConsequence] = useState(
    issue.consequence === null ? '' : String(issue.consequence),
  );
  const [impactArea, setImpactArea] = useState<string>(issue.impactArea);
  const [required, setRequired] = useState<string[]>(issue.requiredDisciplines);
  const [due, setDue] = useState<DueDays>(() => ({
    recommendations: dayOf(issue.dueDates.recommendations, timeZone),
    decision: dayOf(issue.dueDates.decision, timeZone),
    resolution: dayOf(issue.dueDates.resolution, timeZone),
  }));

  return (
    <ActionForm
      env={env}
      title="Triage issue"
      submitLabel="Save triage"
      doneMessage="Issue triaged: recommendations are open."
      intro={
        <p>
          Set who owns the issue, how serious it is, which disciplines must weigh in and when each
          stage is due. The issue moves to <strong>In review</strong>.
        </p>
      }
      blocked={programBlocker(env) ?? undefined}
      ownsField={(field) => FIELDS.has(field)}
      validate={() => {
        const problems: Record<string, string> = {};
        if (!ownerId) problems['ownerId'] = 'Choose who owns the issue.';
        if (!consequence) problems['consequence'] = 'Rate the consequence.';
        if (required.length === 0)
          problems['requiredDisciplines'] = 'Choose at least one discipline.';
        for (const stage of STAGES) {
          if (!endOfDayInZone(due[stage] ?? '', timeZone))
            problems[`dueDates.${stage}`] = 'Choose a date.';
        }
        return problems;
      }}
      submit={(version) =>
        triageIssue({
          issueKey: issue.key,
          version,
          ownerId,
          consequence: Number(consequence),
          impactArea: impactArea as ImpactArea,
          requiredDisciplines: required,
          dueDates: {
            recommendations: endOfDayInZone(due.recommendations ?? '', timeZone) ?? '',
            decision: endOfDayInZone(due.decision ?? '', timeZone) ?? '',
            resolution: endOfDayInZone(due.resolution ?? '', timeZone) ?? '',
          },
        })
      }
    >
      {(form) => (
        <>
          <OwnerField program={env.program} value={ownerId} onChange={setOwnerId} form={form} />
          <div className="issue-form__row">
            <ConsequenceField value={consequence} onChange={setConsequence} form={form} />
            <ImpactAreaField value={impactArea} onChange={setImpactArea} form={form} />
          </div>
          <DisciplinesField
            program={env.program}
            value={required}
            onChange={setRequired}
            form={form}
          />
          <DueDateFields
            stages={STAGES}
            value={due}
            onChange={setDue}
            form={form}
            required
            timeZone={timeZone}
          />
        </>
      )}
    </ActionForm>
  );
}

function dayOf(iso: string | null, timeZone: string): string {
  return iso ? dayInZone(iso, timeZone) : '';
}
