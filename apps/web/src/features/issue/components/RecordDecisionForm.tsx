import { useDraft } from '../../../lib/use-draft';
import { useEffect, useRef, useState } from 'react';
import { recordDecision } from '../api/record-decision';
import { personChoices, programPeople } from '../people';
import { ActionForm } from './ActionForm';
import { ChoiceGroup, SelectField, TextField } from '../../../components/fields';
import type { FormEnv } from './form-env';
import { programBlocker } from './ProgramStatus';
import { endOfDayInZone, formatDateTime } from '../../../lib/dates';

interface ActionItemRow {
  key: number;
  title: string;
  assigneeId: string;
  due: string;
}

const FIELDS = new Set(['optionId', 'rationale', 'conditions']);
const ITEM_FIELD = /^actionItems\.\d+\.(title|assigneeId|dueAt)$/;

export function RecordDecisionForm({ env }: { env: FormEnv }) {
  const { issue, timeZone } = env;
  const draft = useDraft({ person: env.viewerId, form: 'decide', subject: env.issue.key }, () => ({
    optionId: '',
    rationale: '',
    conditions: '',
    items: [] as ActionItemRow[],
  }));
  const { optionId, rationale, conditions, items } = draft.values;
  const setOptionId = (optionId: string) => draft.update({ optionId });
  const setRationale = (rationale: string) => draft.update({ rationale });
  const setConditions = (conditions: string) => draft.update({ conditions });
  const setItems = (change: (rows: ActionItemRow[]) => ActionItemRow[]) =>
    draft.update((values) => ({ ...values, items: change(values.items) }));
  // Row keys go on after those of a restored draft.
  const [nextKey, setNextKey] = useState(() => Math.max(0, ...items.map((row) => row.key)) + 1);
  const [firstKey] = useState(nextKey);
  const rows = useRef<HTMLFieldSetElement>(null);

  // A new row takes the focus, so the keyboard goes on typing where the person expects.
  useEffect(() => {
    if (nextKey === firstKey) return;
    rows.current?.querySelector<HTMLInputElement>(`[data-row="${nextKey - 1}"] input`)?.focus();
  }, [nextKey, firstKey]);

  const current = issue.recommendations.filter((r) => !r.superseded);
  const favouredBy = (id: string) =>
    current.filter((r) => r.option.id === id).map((r) => env.disciplineName(r.discipline));
  const dissent = optionId
    ? current.filter((r) => r.option.id !== optionId).map((r) => env.disciplineName(r.discipline))
    : [];
  const inForce = issue.decisions.find((d) => !d.superseded);
  const people = env.program ? personChoices(programPeople(env.program)) : [];

  function update(key: number, change: Partial<ActionItemRow>) {
    setItems((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  return (
    <ActionForm
      env={env}
      draft={draft}
      title="Record decision"
      submitLabel="Record decision"
      doneMessage="Decision recorded."
      intro={
        inForce ? (
          <p>
            This supersedes the decision of {formatDateTime(inForce.decidedAt, timeZone)} (option{' '}
            {inForce.option.label}). The earlier decision stays in the record.
          </p>
        ) : (
          <p>
            Decided at {issue.currentTeam.name} ({issue.tier}). Disciplines that favoured another
            option are recorded as dissent beside it.
          </p>
        )
      }
      ownsField={(field) => FIELDS.has(field) || ITEM_FIELD.test(field)}
      validate={() => {
        const problems: Record<string, string> = {};
        if (!optionId) problems['optionId'] = 'Choose the option decided on.';
        if (!rationale.trim()) problems['rationale'] = 'Give the rationale for the decision.';
        items.forEach((item, index) => {
          if (!item.title.trim())
            problems[`actionItems.${index}.title`] = 'Say what is to be done.';
          if (!item.assigneeId) problems[`actionItems.${index}.assigneeId`] = 'Choose who does it.';
          if (!endOfDayInZone(item.due, timeZone))
            problems[`actionItems.${index}.dueAt`] = 'Choose a due date.';
        });
        return problems;
      }}
      submit={(version) =>
        recordDecision({
          issueKey: issue.key,
          version,
          optionId,
          rationale,
          conditions,
          actionItems: items.map((item) => ({
            title: item.title,
            assigneeId: item.assigneeId,
            dueAt: endOfDayInZone(item.due, timeZone) ?? '',
          })),
        })
      }
    >
      {({ fieldError }) => (
        <>
          <ChoiceGroup
            kind="radio"
            label="Option"
            name="optionId"
            required
            options={issue.options.map((option) => {
              const by = favouredBy(option.id);
              return {
                value: option.id,
                label: `${option.label} – ${option.title}`,
                hint: by.length ? `Favoured by ${by.join(', ')}` : 'Favoured by no discipline',
              };
            })}
            value={optionId ? [optionId] : []}
            onChange={(chosen) => setOptionId(chosen[0] ?? '')}
            error={fieldError('optionId')}
          />
          {dissent.length > 0 ? (
            <p className="issue-form__note">
              Recorded as dissent: <strong>{dissent.join(', ')}</strong> favoured another option.
            </p>
          ) : null}
          <TextField
            label="Rationale"
            name="rationale"
            multiline
            rows={4}
            required
            value={rationale}
            onChange={setRationale}
            error={fieldError('rationale')}
          />
          <TextField
            label="Conditions"
            name="conditions"
            multiline
            hint="Conditions attached to the decision."
            value={conditions}
            onChange={setConditions}
            error={fieldError('conditions')}
          />
          <fieldset ref={rows} className="issue-action-items-field">
            <legend>Action items</legend>
            <p className="issue-field__hint">
              Due days are the program’s: each item is due at the end of its day, {timeZone} time,
              wherever it is read.
            </p>
            {items.length === 0 ? (
              <p className="issue-field__hint">
                None yet. Work the decision assigns, each with an assignee and a due date.
              </p>
            ) : null}
            {env.program === null ? programBlocker(env) : null}
            {items.map((item, index) => (
              <fieldset key={item.key} className="issue-action-item-row" data-row={item.key}>
                <legend>Action item {index + 1}</legend>
                <TextField
                  label="Title"
                  name={`actionItems.${index}.title`}
                  required
                  maxLength={300}
                  value={item.title}
                  onChange={(title) => update(item.key, { title })}
                  error={fieldError(`actionItems.${index}.title`)}
                />
                <SelectField
                  label="Assignee"
                  name={`actionItems.${index}.assigneeId`}
                  required
                  placeholder="Choose a person"
                  options={people}
                  value={item.assigneeId}
                  onChange={(assigneeId) => update(item.key, { assigneeId })}
                  error={fieldError(`actionItems.${index}.assigneeId`)}
                />
                <TextField
                  label={`Due (${timeZone})`}
                  name={`actionItems.${index}.dueAt`}
                  type="date"
                  required
                  value={item.due}
                  onChange={(due) => update(item.key, { due })}
                  error={fieldError(`actionItems.${index}.dueAt`)}
                />
                <button
                  type="button"
                  className="button button--secondary issue-action-item-row__remove"
                  aria-label={`Remove action item ${index + 1}`}
                  onClick={() => setItems((rows) => rows.filter((row) => row.key !== item.key))}
                >
                  Remove
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="button button--secondary"
              disabled={env.program === null}
              onClick={() => {
                setItems((rows) => [...rows, { key: nextKey, title: '', assigneeId: '', due: '' }]);
                setNextKey((n) => n + 1);
              }}
            >
              Add action item
            </button>
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}
