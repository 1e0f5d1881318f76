import { ErrorCode, IssueStatus } from '@ipt/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { toRequestError } from '../../../lib/graphql';
import { FieldError, describedBy } from '../../../components/FieldError';
import { TextField } from '../../../components/TextField';
import { NO_ERRORS, placeError, type FormErrors } from '../../../lib/form-errors';
import { getIssueOptions } from '../api/get-issue-options';
import type { InboxEntry, InboxOption } from '../api/get-my-inbox';
import { submitRecommendation } from '../api/submit-recommendation';

const FIELDS = ['optionId', 'rationale', 'impactAssessment', 'alternatives'] as const;

/** Statuses in which a discipline may still recommend. */
const GATHERING: readonly string[] = [IssueStatus.IN_REVIEW, IssueStatus.AWAITING_DECISION];

interface RecommendationFormProps {
  entry: InboxEntry;
  /** The recommendation went in (the issue now has `version`). */
  onSubmitted: (issueKey: string) => void;
  onCancel: () => void;
}

/**
 * One discipline's recommendation on one issue, opened in place from the inbox. On CONFLICT it
 * reads the issue again (version and options) and keeps everything typed, so the person only
 * checks and submits again.
 */
export function RecommendationForm({ entry, onSubmitted, onCancel }: RecommendationFormProps) {
  const id = useId();
  const issueKey = entry.issue.key;
  const [version, setVersion] = useState(entry.issue.version);
  const [options, setOptions] = useState<readonly InboxOption[]>(entry.issue.options);
  const [optionId, setOptionId] = useState('');
  const [rationale, setRationale] = useState('');
  const [impactAssessment, setImpactAssessment] = useState('');
  const [alternatives, setAlternatives] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  // Opening the form puts the person in its first field.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  // After a refused submit, the first field in error takes the focus.
  useEffect(() => {
    const first = FIELDS.find((field) => errors.fields[field]);
    if (first) {
      form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
    }
  }, [errors]);

  async function reloadAfterConflict() {
    try {
      const fresh = await getIssueOptions(issueKey);
      setVersion(fresh.version);
      setOptions(fresh.options);
      if (!fresh.options.some((option) => option.id === optionId)) setOptionId('');
      setNotice(
        GATHERING.includes(fresh.status)
          ? `${issueKey} changed while you were writing. Its latest version is loaded and your text is kept: check the options and submit again.`
          : `${issueKey} changed while you were writing and no longer takes recommendations.`,
      );
    } catch (caught) {
      setErrors({ fields: {}, form: toRequestError(caught).message });
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const missing: Record<string, string> = {};
    if (!optionId) missing['optionId'] = 'Choose the option your discipline favours.';
    if (!rationale.trim()) missing['rationale'] = 'Give the rationale for your recommendation.';
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, form: null });
      return;
    }
    setSubmitting(true);
    setErrors(NO_ERRORS);
    setNotice(null);
    try {
      await submitRecommendation({
        issueKey,
        version,
        discipline: entry.discipline,
        optionId,
        rationale,
        impactAssessment: impactAssessment.trim() ? impactAssessment : null,
        alternatives: alternatives.trim() ? alternatives : null,
      });
      onSubmitted(issueKey);
    } catch (caught) {
      const error = toRequestError(caught);
      if (error.code === ErrorCode.CONFLICT) await reloadAfterConflict();
      else setErrors(placeError(error, FIELDS));
      setSubmitting(false);
    }
  }

  const errorId = (field: string) => `${id}-${field}-error`;
  const fieldError = (field: string) => errors.fields[field];

  return (
    <form
      ref={form}
      className="queue-form"
      onSubmit={handleSubmit}
      aria-busy={submitting}
      aria-label={`Recommendation on ${issueKey} for ${entry.disciplineName}`}
      noValidate
    >
      {notice ? (
        <p className="queue-form__notice" role="alert">
          {notice}
        </p>
      ) : null}
      {errors.form ? (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      ) : null}

      <fieldset
        className="queue-fieldset"
        role="radiogroup"
        aria-labelledby={`${id}-option-legend`}
        aria-required="true"
        aria-invalid={fieldError('optionId') ? true : undefined}
        aria-describedby={describedBy(fieldError('optionId') && errorId('optionId'))}
      >
        <legend id={`${id}-option-legend`}>Favoured option</legend>
        {options.length === 0 ? (
          <p className="muted">This issue has no options yet; one must be added first.</p>
        ) : (
          <div className="queue-options">
            {options.map((option, index) => {
              const optionInputId = `${id}-option-${option.id}`;
              const hintId = `${optionInputId}-hint`;
              const hint = [option.description, option.impacts && `Impacts: ${option.impacts}`]
                .filter(Boolean)
                .join(' ');
              return (
                <div key={option.id} className="queue-option">
                  <input
                    type="radio"
                    id={optionInputId}
                    name={`${id}-option`}
                    value={option.id}
                    checked={optionId === option.id}
                    onChange={() => setOptionId(option.id)}
                    data-field={index === 0 ? 'optionId' : undefined}
                    aria-describedby={hint ? hintId : undefined}
                  />
                  <label htmlFor={optionInputId}>
                    {option.label} – {option.title}
                  </label>
                  {hint ? (
                    <p id={hintId} className="queue-option__hint">
                      {hint}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
        )}
        <FieldError id={errorId('optionId')} message={fieldError('optionId')} />
      </fieldset>

      <TextField
        id={`${id}-rationale`}
        field="rationale"
        label="Rationale"
        required
        value={rationale}
        onChange={setRationale}
        error={fieldError('rationale')}
      />
      <TextField
        id={`${id}-impact`}
        field="impactAssessment"
        label="Impact assessment"
        hint="Optional. What this option does to your discipline’s cost, schedule or performance."
        value={impactAssessment}
        onChange={setImpactAssessment}
        error={fieldError('impactAssessment')}
      />
      <TextField
        id={`${id}-alternatives`}
        field="alternatives"
        label="Alternatives"
        hint="Optional. Other options your discipline could accept, and on what terms."
        value={alternatives}
        onChange={setAlternatives}
        error={fieldError('alternatives')}
      />

      <div className="queue-form__actions">
        <button type="submit" className="button" disabled={submitting || options.length === 0}>
          {submitting ? 'Submitting…' : 'Submit recommendation'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
