import { CONSEQUENCE_LEVELS, ErrorCode, ImpactArea, LIMITS } from '@ipt/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../../components/fields';
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
    form.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
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

  // The person starts where the form needs them: the team when there is a choice, else the title.
  useEffect(() => {
    form.current
      ?.querySelector<HTMLElement>(teams.length === 1 ? '[name="title"]' : '[name="teamId"]')
      ?.focus();
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
        <SelectField
          label="Team"
          name="teamId"
          required
          value={teamId}
          onChange={(value) => draft.update({ teamId: value })}
          error={problems.teamId}
          {...(teams.length !== 1 ? { placeholder: 'Choose a team' } : {})}
          options={teams.map((team) => ({ value: team.id, label: `${team.name} (${team.tier})` }))}
        />
        <TextField
          label="Title"
          name="title"
          required
          maxLength={LIMITS.titleMax}
          value={title}
          onChange={(value) => draft.update({ title: value })}
          error={problems.title}
        />
        <TextField
          label="Condition statement"
          name="conditionStatement"
          required
          multiline
          rows={4}
          maxLength={LIMITS.textMax}
          hint={HINTS.conditionStatement}
          value={conditionStatement}
          onChange={(value) => draft.update({ conditionStatement: value })}
          error={problems.conditionStatement}
        />
        <div className="issues-raise__pair">
          <SelectField
            label="Impact area"
            name="impactArea"
            required
            placeholder="Choose an area"
            options={Object.values(ImpactArea).map((area) => ({
              value: area,
              label: IMPACT_AREA_LABELS[area],
            }))}
            value={impactArea}
            onChange={(value) => draft.update({ impactArea: value })}
            error={problems.impactArea}
          />
          <SelectField
            label="Consequence"
            name="consequence"
            hint={HINTS.consequence}
            placeholder="Not rated yet"
            options={CONSEQUENCE_LEVELS.map((level) => ({
              value: String(level),
              label: formatConsequence(level),
            }))}
            value={consequence}
            onChange={(value) => draft.update({ consequence: value })}
            error={problems.consequence}
          />
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
