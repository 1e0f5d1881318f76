import { ErrorCode, IssueStatus } from '@ipt/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { toRequestError } from '../../../lib/graphql';
import { getIssueVersion } from '../api/get-issue-version';
import { recordDecision } from '../api/record-decision';
import { NO_ERRORS, placeError, type FormErrors } from '../../../lib/form-errors';
import { FieldError, describedBy } from '../../../components/FieldError';
import { TextField } from '../../../components/TextField';

export interface DecisionFormOption {
  readonly id: string;
  readonly label: string;
  readonly title: string;
}

export interface Assignee {
  readonly id: string;
  readonly name: string;
}

interface ActionItemDraft {
  /** Stable across removals, for React keys. */
  readonly key: number;
  readonly title: string;
  readonly assigneeId: string;
  /** yyyy-mm-dd from the date input. */
  readonly due: string;
}

/**
 * The instant an action item falls due for a date picked as yyyy-mm-dd: the end of that day in
 * the reader's time zone. Null for anything that is not a real calendar date.
 */
export function endOfDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const instant = new Date(year, month - 1, day, 23, 59, 59, 999);
  if (
    instant.getFullYear() !== year ||
    instant.getMonth() !== month - 1 ||
    instant.getDate() !== day
  )
    return null;
  return instant.toISOString();
}

/** Client-side checks, by the field names the API uses, so both kinds of error show alike. */
export function decisionProblems(draft: {
  optionId: string;
  rationale: string;
  actionItems: readonly Omit<ActionItemDraft, 'key'>[];
}): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.optionId) problems['optionId'] = 'Choose the option decided.';
  if (!draft.rationale.trim()) problems['rationale'] = 'Give the rationale for the decision.';
  draft.actionItems.forEach((item, index) => {
    if (!item.title.trim())
      problems[`actionItems.${index}.title`] = 'Give the action item a title.';
    if (!item.assigneeId) problems[`actionItems.${index}.assigneeId`] = 'Choose who does it.';
    if (!endOfDay(item.due)) problems[`actionItems.${index}.dueAt`] = 'Give the date it is due.';
  });
  return problems;
}

interface DecisionFormProps {
  issueKey: string;
  version: number;
  options: readonly DecisionFormOption[];
  /** Disciplines favouring each option, by option id, shown beside it. */
  favouredBy: Readonly<Record<string, readonly string[]>>;
  assignees: readonly Assignee[];
  onDecided: (issueKey: string) => void;
  onCancel: () => void;
  /** The issue changed under the form; the caller may reload what it shows around it. */
  onConflict?: () => void;
}

/**
 * The decision on one issue, opened in place from the queue: the option, rationale, conditions
 * and any action items. On CONFLICT it reads the issue again and keeps everything typed.
 */
export function DecisionForm({
  issueKey,
  version: initialVersion,
  options: initialOptions,
  favouredBy,
  assignees,
  onDecided,
  onCancel,
  onConflict,
}: DecisionFormProps) {
  const id = useId();
  const [version, setVersion] = useState(initialVersion);
  const [options, setOptions] = useState(initialOptions);
  const [optionId, setOptionId] = useState('');
  const [rationale, setRationale] = useState('');
  const [conditions, setConditions] = useState('');
  const [items, setItems] = useState<ActionItemDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const focusField = useRef<string | null>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  // Focus moves to a field on purpose only: the first in error, or a new action item's title.
  useEffect(() => {
    const target = focusField.current;
    if (target) {
      form.current?.querySelector<HTMLElement>(`[data-field="${target}"]`)?.focus();
      focusField.current = null;
    }
  });

  const shownFields = [
    'optionId',
    'rationale',
    'conditions',
    ...items.flatMap((_, index) =>
      ['title', 'assigneeId', 'dueAt'].map((part) => `actionItems.${index}.${part}`),
    ),
  ];

  function showErrors(next: FormErrors) {
    setErrors(next);
    focusField.current = shownFields.find((field) => next.fields[field]) ?? null;
  }

  function updateItem(key: number, change: Partial<Omit<ActionItemDraft, 'key'>>) {
    setItems((current) =>
      current.map((item) => (item.key === key ? { ...item, ...change } : item)),
    );
  }

  function addItem() {
    setItems((current) => [...current, { key: nextKey, title: '', assigneeId: '', due: '' }]);
    setNextKey((n) => n + 1);
    focusField.current = `actionItems.${items.length}.title`;
  }

  function removeItem(key: number) {
    setItems((current) => current.filter((item) => item.key !== key));
    focusField.current = 'add-action-item';
  }

  async function reloadAfterConflict() {
    onConflict?.();
    try {
      const fresh = await getIssueVersion(issueKey);
      setVersion(fresh.version);
      setOptions(fresh.options);
      if (!fresh.options.some((option) => option.id === optionId)) setOptionId('');
      setNotice(
        fresh.status === IssueStatus.AWAITING_DECISION
          ? `${issueKey} changed while you were deciding. Its latest version is loaded and your text is kept: check the packet and record the decision again.`
          : `${issueKey} changed while you were deciding and is no longer awaiting a decision.`,
      );
    } catch (caught) {
      setErrors({ fields: {}, form: toRequestError(caught).message });
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const problems = decisionProblems({ optionId, rationale, actionItems: items });
    if (Object.keys(problems).length > 0) {
      showErrors({ fields: problems, form: null });
      return;
    }
    setSubmitting(true);
    setErrors(NO_ERRORS);
    setNotice(null);
    try {
      await recordDecision({
        issueKey,
        version,
        optionId,
        rationale,
        conditions: conditions.trim() ? conditions : null,
        actionItems: items.map((item) => ({
          title: item.title,
          assigneeId: item.assigneeId,
          dueAt: endOfDay(item.due) as string,
        })),
      });
      onDecided(issueKey);
    } catch (caught) {
      const error = toRequestError(caught);
      if (error.code === ErrorCode.CONFLICT) await reloadAfterConflict();
      else showErrors(placeError(error, shownFields));
      setSubmitting(false);
    }
  }

  const errorId = (field: string) => `${id}-${field.replaceAll('.', '-')}-error`;
  const fieldError = (field: string) => errors.fields[field];

  return (
    <form
      ref={form}
      className="queue-form"
      onSubmit={handleSubmit}
      aria-busy={submitting}
      aria-label={`Decision on ${issueKey}`}
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
        <legend id={`${id}-option-legend`}>Option</legend>
        <div className="queue-options">
          {options.map((option, index) => {
            const inputId = `${id}-option-${option.id}`;
            const favoured = favouredBy[option.id] ?? [];
            return (
              <div key={option.id} className="queue-option">
                <input
                  type="radio"
                  id={inputId}
                  name={`${id}-option`}
                  value={option.id}
                  checked={optionId === option.id}
                  onChange={() => setOptionId(option.id)}
                  data-field={index === 0 ? 'optionId' : undefined}
                  aria-describedby={`${inputId}-hint`}
                />
                <label htmlFor={inputId}>
                  {option.label} – {option.title}
                </label>
                <p id={`${inputId}-hint`} className="queue-option__hint">
                  {favoured.length === 0
                    ? 'Favoured by no discipline.'
                    : `Favoured by ${favoured.join(', ')}.`}
                </p>
              </div>
            );
          })}
        </div>
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
        id={`${id}-conditions`}
        field="conditions"
        label="Conditions"
        hint="Optional. What must hold for the decision to stand."
        value={conditions}
        onChange={setConditions}
        error={fieldError('conditions')}
      />

      <fieldset className="queue-fieldset">
        <legend>Action items</legend>
        {items.length === 0 ? (
          <p className="queue-hint">Optional. Work the decision assigns, with who and by when.</p>
        ) : null}
        {items.map((item, index) => {
          const field = (part: string) => `actionItems.${index}.${part}`;
          const inputId = (part: string) => `${id}-item-${item.key}-${part}`;
          return (
            <fieldset key={item.key} className="queue-action-item">
              <legend>Action item {index + 1}</legend>
              <div className="field">
                <label htmlFor={inputId('title')}>Title</label>
                <input
                  id={inputId('title')}
                  data-field={field('title')}
                  value={item.title}
                  maxLength={300}
                  required
                  aria-invalid={fieldError(field('title')) ? true : undefined}
                  aria-describedby={describedBy(
                    fieldError(field('title')) && errorId(field('title')),
                  )}
                  onChange={(event) => updateItem(item.key, { title: event.target.value })}
                />
                <FieldError id={errorId(field('title'))} message={fieldError(field('title'))} />
              </div>
              <div className="field">
                <label htmlFor={inputId('assignee')}>Assignee</label>
                <select
                  id={inputId('assignee')}
                  data-field={field('assigneeId')}
                  value={item.assigneeId}
                  required
                  aria-invalid={fieldError(field('assigneeId')) ? true : undefined}
                  aria-describedby={describedBy(
                    fieldError(field('assigneeId')) && errorId(field('assigneeId')),
                  )}
                  onChange={(event) => updateItem(item.key, { assigneeId: event.target.value })}
                >
                  <option value="">Choose a person…</option>
                  {assignees.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                    </option>
                  ))}
                </select>
                <FieldError
                  id={errorId(field('assigneeId'))}
                  message={fieldError(field('assigneeId'))}
                />
              </div>
              <div className="field">
                <label htmlFor={inputId('due')}>Due</label>
                <input
                  id={inputId('due')}
                  type="date"
                  data-field={field('dueAt')}
                  value={item.due}
                  required
                  aria-invalid={fieldError(field('dueAt')) ? true : undefined}
                  aria-describedby={describedBy(
                    fieldError(field('dueAt')) && errorId(field('dueAt')),
                  )}
                  onChange={(event) => updateItem(item.key, { due: event.target.value })}
                />
                <FieldError id={errorId(field('dueAt'))} message={fieldError(field('dueAt'))} />
              </div>
              <button
                type="button"
                className="button button--secondary queue-action-item__remove"
                onClick={() => removeItem(item.key)}
              >
                Remove action item {index + 1}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button button--secondary"
          data-field="add-action-item"
          onClick={addItem}
        >
          Add action item
        </button>
      </fieldset>

      <div className="queue-form__actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Recording…' : 'Record decision'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
