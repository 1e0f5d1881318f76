import { CONSEQUENCE_LEVELS, ErrorCode, ImpactArea, LIMITS } from '@ipt/domain';
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { toRequestError } from '../../../lib/graphql';
import { confirmDiscard, useLeaveGuard } from '../../../lib/leave-guard';
import { useDraft } from '../../../lib/use-draft';
import { raiseIssue } from '../api/raise-issue';
import { IMPACT_AREA_LABELS, formatConsequence } from '../format';

type FieldName = 'teamId' | 'title' | 'conditionStatement' | 'impactArea' | 'consequence';

/** The form's fields in order, by the API's input field names. */
const FIELDS: readonly FieldName[] = [
  'teamId',
  'title',
  'conditionStatement',
  'impactArea',
  'consequence',
];

const HINTS: Readonly<Partial<Record<FieldName, string>>> = {
  conditionStatement: 'What has happened, or is certain to, and its effect on the program.',
  consequence: 'Optional; triage confirms it.',
};

interface RaiseIssueFormProps {
  programKey: string;
  programName: string;
  /** The teams the user may raise on (from the API's raisableTeams). */
  teams: readonly { id: string; name: string; tier: string }[];
  /** Whose draft it is: kept per person and program until raised or discarded. */
  viewerId: string | null;
  onCancel: () => void;
  onRaised: (issueKey: string) => void;
}

/**
 * Raise an issue on one of the user's teams. A problem the API names a field for is shown at
 * that field (and the field focused); anything else above the form. What is typed is a draft
 * (kept across reloads and visits until raised or discarded); leaving with it asks first.
 */
export function RaiseIssueForm({
  programKey,
  programName,
  teams,
  viewerId,
  onCancel,
  onRaised,
}: RaiseIssueFormProps) {
  const id = useId();
  const fieldId = (field: FieldName) => `${id}-${field}`;
  const errorId = (field: FieldName) => `${id}-${field}-error`;
  const hintId = (field: FieldName) => `${id}-${field}-hint`;
  const draft = useDraft({ person: viewerId, form: 'raise-issue', subject: programKey }, () => ({
    teamId: teams.length === 1 ? (teams[0]?.id ?? '') : '',
    title: '',
    conditionStatement: '',
    impactArea: '',
    consequence: '',
  }));
  const { teamId, title, conditionStatement, impactArea, consequence } = draft.values;
  useLeaveGuard(draft.isDirty);
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  function focusField(field: FieldName) {
    form.current?.ownerDocument.getElementById(fieldId(field))?.focus();
  }

  function show(found: Partial<Record<FieldName, string>>) {
    setProblems(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) focusField(first);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setFormError(null);
    const missing: Partial<Record<FieldName, string>> = {};
    if (!teamId) missing.teamId = 'Choose the team raising the issue.';
    if (!title.trim()) missing.title = 'Give the issue a title.';
    if (!conditionStatement.trim()) {
      missing.conditionStatement = 'Say what has happened or is certain to, and its effect.';
    }
    if (!impactArea) missing.impactArea = 'Choose what the issue hurts most.';
    if (Object.keys(missing).length > 0) {
      show(missing);
      return;
    }
    setSubmitting(true);
    setProblems({});
    try {
      const raised = await raiseIssue({
        programKey,
        teamId,
        title: title.trim(),
        conditionStatement: conditionStatement.trim(),
        impactArea: impactArea as ImpactArea,
        consequence: consequence ? Number(consequence) : null,
      });
      draft.clear();
      onRaised(raised.key);
    } catch (caught) {
      const error = toRequestError(caught);
      const field = FIELDS.find((name) => name === error.field);
      if (error.code === ErrorCode.BAD_USER_INPUT && field) show({ [field]: error.message });
      else setFormError(error.message);
      setSubmitting(false);
    }
  }

  function cancel() {
    if (!confirmDiscard(draft.dirty)) return;
    draft.clear();
    onCancel();
  }

  const control = (field: FieldName) => ({
    id: fieldId(field),
    name: field,
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby':
      [HINTS[field] ? hintId(field) : null, problems[field] ? errorId(field) : null]
        .filter(Boolean)
        .join(' ') || undefined,
  });

  const fieldProps = (field: FieldName, label: string) => ({
    label,
    id: fieldId(field),
    error: problems[field],
    errorId: errorId(field),
    hint: HINTS[field],
    hintId: hintId(field),
  });

  return (
    <div
      className="issues-raise"
      role="dialog"
      aria-labelledby={`${id}-heading`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !submitting) cancel();
      }}
    >
      <h2 id={`${id}-heading`}>Raise an issue</h2>
      <p className="muted">
        In {programKey} – {programName}. It starts open; triage sets its owner, disciplines and due
        dates.
      </p>
      {draft.restored && draft.dirty ? (
        <p className="muted" role="status">
          Your unsent draft is back, as you left it.
        </p>
      ) : null}
      <form ref={form} className="form" onSubmit={submit} aria-busy={submitting} noValidate>
        {formError ? (
          <p className="form__error" role="alert">
            Could not raise the issue: {formError}
          </p>
        ) : null}
        <Field {...fieldProps('teamId', 'Team')}>
          <select
            {...control('teamId')}
            value={teamId}
            autoFocus={teams.length !== 1}
            aria-required="true"
            onChange={(event) => draft.update({ teamId: event.target.value })}
          >
            {teams.length !== 1 ? <option value="">Choose a team</option> : null}
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name} ({team.tier})
              </option>
            ))}
          </select>
        </Field>
        <Field {...fieldProps('title', 'Title')}>
          <input
            {...control('title')}
            value={title}
            autoFocus={teams.length === 1}
            aria-required="true"
            maxLength={LIMITS.titleMax}
            onChange={(event) => draft.update({ title: event.target.value })}
          />
        </Field>
        <Field {...fieldProps('conditionStatement', 'Condition statement')}>
          <textarea
            {...control('conditionStatement')}
            value={conditionStatement}
            rows={4}
            aria-required="true"
            maxLength={LIMITS.textMax}
            onChange={(event) => draft.update({ conditionStatement: event.target.value })}
          />
        </Field>
        <div className="issues-raise__pair">
          <Field {...fieldProps('impactArea', 'Impact area')}>
            <select
              {...control('impactArea')}
              value={impactArea}
              aria-required="true"
              onChange={(event) => draft.update({ impactArea: event.target.value })}
            >
              <option value="">Choose an area</option>
              {Object.values(ImpactArea).map((area) => (
                <option key={area} value={area}>
                  {IMPACT_AREA_LABELS[area]}
                </option>
              ))}
            </select>
          </Field>
          <Field {...fieldProps('consequence', 'Consequence')}>
            <select
              {...control('consequence')}
              value={consequence}
              onChange={(event) => draft.update({ consequence: event.target.value })}
            >
              <option value="">Not rated yet</option>
              {CONSEQUENCE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {formatConsequence(level)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="issues-raise__actions">
          <button type="submit" className="button" disabled={submitting}>
            Raise
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={cancel}
            disabled={submitting}
          >
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}

function Field({
  label,
  id,
  error,
  errorId,
  hint,
  hintId,
  children,
}: {
  label: string;
  id: string;
  error: string | undefined;
  errorId: string;
  hint: string | undefined;
  hintId: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="muted issues-field-hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} className="issues-field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
