import { useDraft } from '../../../lib/use-draft';
import { dueInPastProblem, isConsequence, type ImpactArea, type Stage } from '@ipt/domain';
import { useCallback, useMemo } from 'react';
import type { StageDueDatesInput } from '../../../gql/graphql';
import { useQuery } from '../../../lib/use-query';
import { toDomainPolicy } from '../../timeliness';
import { getTimelinessPolicy } from '../api/get-timeliness-policy';
import { triageIssue } from '../api/triage-issue';
import { dueDayProblems } from '../dates';
import { policyDueHints, type TriageDueStage } from '../due-policy';
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
import { dayInZone, endOfDayInZone, useNow } from '../../../lib/dates';

const STAGES = ['recommendations', 'decision', 'resolution'] as const;
const STAGE_OF: Readonly<Record<TriageDueStage, Stage>> = {
  recommendations: 'RECOMMENDATIONS',
  decision: 'DECISION',
  resolution: 'RESOLUTION',
};
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
  const now = useNow();
  const draft = useDraft({ person: env.viewerId, form: 'triage', subject: issue.key }, () => ({
    ownerId: issue.owner?.id ?? '',
    consequence: issue.consequence === null ? '' : String(issue.consequence),
    impactArea: issue.impactArea as string,
    required: [...issue.requiredDisciplines],
    // Only dates a person set stay in the form; the policy's are its to recompute.
    due: Object.fromEntries(
      STAGES.map((stage) => {
        const clock = issue.stageClocks.find((c) => c.stage === STAGE_OF[stage]);
        const manual = clock?.dueSource === 'MANUAL' ? issue.dueDates[stage] : null;
        return [stage, manual ? dayInZone(manual, timeZone) : ''];
      }),
    ) as DueDays,
  }));
  const { ownerId, consequence, impactArea, required, due } = draft.values;
  const setOwnerId = (ownerId: string) => draft.update({ ownerId });
  const setConsequence = (consequence: string) => draft.update({ consequence });
  const setImpactArea = (impactArea: string) => draft.update({ impactArea });
  const setRequired = (required: string[]) => draft.update({ required });
  const setDue = (due: DueDays) => draft.update({ due });

  const programKey = issue.program.key;
  const loadPolicy = useCallback(
    (signal: AbortSignal) => getTimelinessPolicy(programKey, signal),
    [programKey],
  );
  const policyQuery = useQuery(loadPolicy);
  const policyData = policyQuery.status === 'success' ? policyQuery.data : null;
  const policy = useMemo(() => (policyData ? toDomainPolicy(policyData) : null), [policyData]);
  const level = Number(consequence);
  const hints = policyDueHints(
    policy,
    consequence !== '' && isConsequence(level) ? level : null,
    now,
    timeZone,
  );

  return (
    <ActionForm
      env={env}
      draft={draft}
      title="Triage issue"
      submitLabel="Save triage"
      doneMessage="Issue triaged: recommendations are open."
      intro={
        <p>
          Set who owns the issue, how serious it is and which disciplines must weigh in. The issue
          moves to <strong>In review</strong>. Due dates come from the program’s timeliness policy
          unless you set them here.
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
        // Every date problem at once, in the words the API would use.
        const set = new Set(STAGES.filter((stage) => endOfDayInZone(due[stage] ?? '', timeZone)));
        Object.assign(problems, dueDayProblems(due, set, timeZone));
        const recommendationsDue = endOfDayInZone(due.recommendations ?? '', timeZone);
        const past = recommendationsDue
          ? dueInPastProblem('recommendations', new Date(recommendationsDue), now, timeZone)
          : null;
        if (past) problems[past.field] = past.message;
        for (const stage of STAGES) {
          const day = due[stage] ?? '';
          if (day !== '' && !endOfDayInZone(day, timeZone))
            problems[`dueDates.${stage}`] = 'Enter a whole date, or leave it blank.';
        }
        return problems;
      }}
      submit={(version) => {
        // Only the dates the person set: any left out, the policy gives (and marks as its own).
        const dueDates: StageDueDatesInput = {};
        for (const stage of STAGES) {
          const instant = endOfDayInZone(due[stage] ?? '', timeZone);
          if (instant) dueDates[stage] = instant;
        }
        return triageIssue({
          issueKey: issue.key,
          version,
          ownerId,
          consequence: Number(consequence),
          impactArea: impactArea as ImpactArea,
          requiredDisciplines: required,
          ...(Object.keys(dueDates).length > 0 ? { dueDates } : {}),
        });
      }}
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
            required={false}
            timeZone={timeZone}
            note="A date you set here stays as set; a blank one follows the program’s policy."
            hints={hints}
          />
        </>
      )}
    </ActionForm>
  );
}
