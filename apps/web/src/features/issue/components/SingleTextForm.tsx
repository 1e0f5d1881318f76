import { useDraft } from '../../../lib/use-draft';
import type { ReactNode } from 'react';
import type { IssueChange } from '../api/types';
import { ActionForm } from './ActionForm';
import { TextField } from '../../../components/fields';
import type { FormEnv } from './form-env';

interface SingleTextFormProps {
  env: FormEnv;
  title: string;
  submitLabel: string;
  doneMessage: string;
  intro?: ReactNode;
  label: string;
  /** The API's name for the field. */
  field: string;
  required: boolean;
  hint?: string;
  submit: (text: string, version: number) => Promise<IssueChange>;
}

/** Escalate, resolve, close, withdraw: one text (a reason or a note) and the button. */
export function SingleTextForm({
  env,
  title,
  submitLabel,
  doneMessage,
  intro,
  label,
  field,
  required,
  hint,
  submit,
}: SingleTextFormProps) {
  const draft = useDraft({ person: env.viewerId, form: title, subject: env.issue.key }, () => ({
    text: '',
  }));
  const { text } = draft.values;
  const setText = (text: typeof draft.values.text) => draft.update({ text });
  return (
    <ActionForm
      env={env}
      draft={draft}
      title={title}
      submitLabel={submitLabel}
      doneMessage={doneMessage}
      intro={intro}
      ownsField={(name) => name === field}
      validate={() =>
        required && !text.trim() ? { [field]: `Give a ${label.toLowerCase()}.` } : {}
      }
      submit={(version) => submit(text, version)}
    >
      {({ fieldError }) => (
        <TextField
          label={label}
          name={field}
          multiline
          rows={4}
          required={required}
          hint={hint}
          value={text}
          onChange={setText}
          error={fieldError(field)}
        />
      )}
    </ActionForm>
  );
}
