import { useDraft } from '../../../lib/use-draft';
import { CoverageState } from '@ipt/domain';

import { waiveDiscipline } from '../api/waive-discipline';
import { ActionForm } from './ActionForm';
import { SelectField, TextField } from '../../../components/fields';
import type { FormEnv } from './form-env';

const FIELDS = new Set(['discipline', 'reason']);

export function WaiveForm({ env }: { env: FormEnv }) {
  const pending = env.issue.coverage
    .filter((entry) => entry.state === CoverageState.PENDING)
    .map((entry) => entry.discipline);
  const draft = useDraft({ person: env.viewerId, form: 'waive', subject: env.issue.key }, () => ({
    discipline: pending.length === 1 ? (pending[0] ?? '') : '',
    reason: '',
  }));
  const { discipline, reason } = draft.values;
  const setDiscipline = (discipline: typeof draft.values.discipline) =>
    draft.update({ discipline });
  const setReason = (reason: typeof draft.values.reason) => draft.update({ reason });

  return (
    <ActionForm
      env={env}
      draft={draft}
      title="Waive discipline"
      submitLabel="Waive"
      doneMessage="Discipline waived."
      intro={
        <p>Proceed without one required discipline’s recommendation, for a recorded reason.</p>
      }
      ownsField={(field) => FIELDS.has(field)}
      validate={() => {
        const problems: Record<string, string> = {};
        if (!discipline) problems['discipline'] = 'Choose the discipline to waive.';
        if (!reason.trim()) problems['reason'] = 'Give the reason for the waiver.';
        return problems;
      }}
      blocked={
        pending.length === 0 ? (
          <p>Every required discipline has recommended or been waived.</p>
        ) : undefined
      }
      submit={(version) =>
        waiveDiscipline({ issueKey: env.issue.key, version, discipline, reason })
      }
    >
      {({ fieldError }) => (
        <>
          <SelectField
            label="Discipline"
            name="discipline"
            required
            placeholder="Choose a pending discipline"
            options={pending.map((code) => ({ value: code, label: env.disciplineName(code) }))}
            value={discipline}
            onChange={setDiscipline}
            error={fieldError('discipline')}
          />
          <TextField
            label="Reason"
            name="reason"
            multiline
            rows={4}
            required
            value={reason}
            onChange={setReason}
            error={fieldError('reason')}
          />
        </>
      )}
    </ActionForm>
  );
}
