import { useDraft } from '../../../lib/use-draft';

import { fileNonConcurrence } from '../api/file-non-concurrence';
import { ActionForm } from './ActionForm';
import { TextField } from '../../../components/fields';
import type { FormEnv } from './form-env';
import { formatDateTime } from '../../../lib/dates';

const FIELDS = new Set(['rationale', 'impacts']);

export function NonConcurrenceForm({ env }: { env: FormEnv }) {
  const draft = useDraft(
    { person: env.viewerId, form: 'non-concurrence', subject: env.issue.key },
    () => ({ rationale: '', impacts: '' }),
  );
  const { rationale, impacts } = draft.values;
  const setRationale = (rationale: typeof draft.values.rationale) => draft.update({ rationale });
  const setImpacts = (impacts: typeof draft.values.impacts) => draft.update({ impacts });
  const decision = env.issue.decisions.find((d) => !d.superseded);

  return (
    <ActionForm
      env={env}
      draft={draft}
      title="File non-concurrence"
      submitLabel="File non-concurrence"
      doneMessage="Non-concurrence filed."
      intro={
        decision ? (
          <p>
            Your formal dissent from the decision in force — option{' '}
            <strong>
              {decision.option.label} – {decision.option.title}
            </strong>
            , decided by {decision.decidedBy.name} on{' '}
            {formatDateTime(decision.decidedAt, env.timeZone)}. It is recorded beside the decision
            and sent one tier up for review.
          </p>
        ) : null
      }
      ownsField={(field) => FIELDS.has(field)}
      validate={() => (rationale.trim() ? {} : { rationale: 'Say why you cannot concur.' })}
      submit={(version) =>
        fileNonConcurrence({ issueKey: env.issue.key, version, rationale, impacts })
      }
    >
      {({ fieldError }) => (
        <>
          <TextField
            label="Rationale"
            name="rationale"
            multiline
            rows={4}
            required
            hint="Why you cannot concur with the decision."
            value={rationale}
            onChange={setRationale}
            error={fieldError('rationale')}
          />
          <TextField
            label="Impacts"
            name="impacts"
            multiline
            hint="What you expect the decision to cost or risk."
            value={impacts}
            onChange={setImpacts}
            error={fieldError('impacts')}
          />
        </>
      )}
    </ActionForm>
  );
}
