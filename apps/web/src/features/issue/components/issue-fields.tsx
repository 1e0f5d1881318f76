import { CONSEQUENCE_LABELS, CONSEQUENCE_LEVELS, ImpactArea } from '@ipt/domain';
import type { ReactNode } from 'react';
import type { IssueProgram } from '../api/get-program-people';
import { IMPACT_AREA_LABELS } from '../format';
import { personChoices, programPeople } from '../people';
import { ChoiceGroup, SelectField, TextField } from '../../../components/fields';
import type { FormContext } from './ActionForm';

export type DueStage = 'triage' | 'recommendations' | 'decision' | 'resolution';
export type DueDays = Partial<Record<DueStage, string>>;

const DUE_LABELS: Readonly<Record<DueStage, string>> = {
  triage: 'Triage due',
  recommendations: 'Recommendations due',
  decision: 'Decision due',
  resolution: 'Resolution due',
};

export const CONSEQUENCE_CHOICES = CONSEQUENCE_LEVELS.map((level) => ({
  value: String(level),
  label: `${level} – ${CONSEQUENCE_LABELS[level]}`,
}));

export const IMPACT_AREA_CHOICES = Object.values(ImpactArea).map((area) => ({
  value: area,
  label: IMPACT_AREA_LABELS[area],
}));

export function OwnerField({
  program,
  value,
  onChange,
  form,
}: {
  program: IssueProgram | null;
  value: string;
  onChange: (value: string) => void;
  form: FormContext;
}) {
  return (
    <SelectField
      label="Owner"
      name="ownerId"
      required
      placeholder="Choose a person"
      options={program ? personChoices(programPeople(program)) : []}
      value={value}
      onChange={onChange}
      error={form.fieldError('ownerId')}
    />
  );
}

export function DisciplinesField({
  program,
  value,
  onChange,
  form,
  disabled,
  hint,
}: {
  program: IssueProgram | null;
  value: readonly string[];
  onChange: (value: string[]) => void;
  form: FormContext;
  disabled?: boolean;
  hint?: string;
}) {
  const catalog = program?.disciplines ?? [];
  // A discipline already required but no longer in the catalog stays visible (and removable).
  const extra = value.filter((code) => !catalog.some((d) => d.code === code));
  return (
    <ChoiceGroup
      kind="checkbox"
      label="Required disciplines"
      name="requiredDisciplines"
      required
      disabled={disabled}
      hint={hint ?? 'Each must recommend, or be waived by a program manager, before a decision.'}
      options={[
        ...catalog.map((d) => ({ value: d.code, label: d.name })),
        ...extra.map((code) => ({ value: code, label: code })),
      ]}
      value={value}
      onChange={(chosen) =>
        onChange([...catalog.map((d) => d.code), ...extra].filter((code) => chosen.includes(code)))
      }
      error={form.fieldError('requiredDisciplines')}
    />
  );
}

export function DueDateFields({
  stages,
  value,
  onChange,
  form,
  required,
  timeZone,
  note,
  hints = {},
}: {
  stages: readonly DueStage[];
  value: DueDays;
  onChange: (value: DueDays) => void;
  form: FormContext;
  required: boolean;
  timeZone: string;
  /** Said once for every date, after where they fall in the day. */
  note?: ReactNode;
  /** Said with one date, e.g. what the program's policy gives when it is left blank. */
  hints?: Partial<Record<DueStage, ReactNode>>;
}) {
  return (
    <fieldset className="issue-due-fields">
      <legend>Due dates</legend>
      <p className="issue-field__hint">
        Each is due at the end of the day, {timeZone} time.{note ? <> {note}</> : null}
      </p>
      <div className="issue-due-fields__grid">
        {stages.map((stage) => (
          <TextField
            key={stage}
            label={DUE_LABELS[stage]}
            name={`dueDates.${stage}`}
            type="date"
            required={required}
            hint={hints[stage]}
            value={value[stage] ?? ''}
            onChange={(day) => onChange({ ...value, [stage]: day })}
            error={form.fieldError(`dueDates.${stage}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function ConsequenceField({
  value,
  onChange,
  form,
}: {
  value: string;
  onChange: (value: string) => void;
  form: FormContext;
}) {
  return (
    <SelectField
      label="Consequence"
      name="consequence"
      required
      placeholder="Rate the consequence"
      options={CONSEQUENCE_CHOICES}
      value={value}
      onChange={onChange}
      error={form.fieldError('consequence')}
    />
  );
}

export function ImpactAreaField({
  value,
  onChange,
  form,
}: {
  value: string;
  onChange: (value: string) => void;
  form: FormContext;
}) {
  return (
    <SelectField
      label="Impact area"
      name="impactArea"
      required
      options={IMPACT_AREA_CHOICES}
      value={value}
      onChange={onChange}
      error={form.fieldError('impactArea')}
    />
  );
}

export function TitleField({
  value,
  onChange,
  form,
  maxLength,
}: {
  value: string;
  onChange: (value: string) => void;
  form: FormContext;
  maxLength: number;
}) {
  return (
    <TextField
      label="Title"
      name="title"
      required
      maxLength={maxLength}
      value={value}
      onChange={onChange}
      error={form.fieldError('title')}
    />
  );
}
