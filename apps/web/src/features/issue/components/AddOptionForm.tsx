import { useDraft } from '../../../lib/use-draft';
import { optionLabel } from '@ipt/domain';
import { LIMITS } from '@ipt/domain';

import { addOption } from '../api/add-option';
import { ActionForm } from './ActionForm';
import { TextField } from '../../../components/fields';
import type { FormEnv } from './form-env';

const FIELDS = new Set(['title', 'description', 'impacts']);

export function AddOptionForm({
  env,
  then,
}: {
  env: FormEnv;
  /** What follows once it is added (when it was opened on the way to another action). */
  then?: string;
}) {
  const draft = useDraft(
    { person: env.viewerId, form: 'add-option', subject: env.issue.key },
    () => ({ title: '', description: '', impacts: '' }),
  );
  const { title, description, impacts } = draft.values;
  const setTitle = (title: typeof draft.values.title) => draft.update({ title });
  const setDescription = (description: typeof draft.values.description) =>
    draft.update({ description });
  const setImpacts = (impacts: typeof draft.values.impacts) => draft.update({ impacts });
  const next = env.issue.options.length;

  return (
    <ActionForm
      env={env}
      draft={draft}
      title="Add option"
      submitLabel="Add option"
      doneMessage="Option added."
      intro={
        <p>
          A course of action to choose from. It will be option <strong>{optionLabel(next)}</strong>.
          {then ? ` ${then}` : null}
        </p>
      }
      ownsField={(field) => FIELDS.has(field)}
      validate={() => (title.trim() ? {} : { title: 'Give the option a title.' })}
      submit={(version) =>
        addOption({ issueKey: env.issue.key, version, title, description, impacts })
      }
    >
      {({ fieldError }) => (
        <>
          <TextField
            label="Title"
            name="title"
            required
            maxLength={LIMITS.titleMax}
            value={title}
            onChange={setTitle}
            error={fieldError('title')}
          />
          <TextField
            label="Description"
            name="description"
            multiline
            value={description}
            onChange={setDescription}
            error={fieldError('description')}
          />
          <TextField
            label="Impacts"
            name="impacts"
            multiline
            hint="Expected cost, schedule and performance effects."
            value={impacts}
            onChange={setImpacts}
            error={fieldError('impacts')}
          />
        </>
      )}
    </ActionForm>
  );
}
