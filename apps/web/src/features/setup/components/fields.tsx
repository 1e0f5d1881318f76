import { ErrorCode } from '@ipt/domain';
import { useId, type ReactNode } from 'react';
import type { GraphQLRequestError } from '../../../lib/graphql';

/**
 * Form fields for the set-up screen: a visible label, the API's error at the field it concerns
 * (aria-invalid, and the message as the field's description), and an optional hint.
 */

/** The API's name for the field an error concerns ("input.name" and "name" alike). */
function errorField(error: GraphQLRequestError | null | undefined): string | undefined {
  const field = error?.field;
  return field === undefined ? undefined : field.split('.').at(-1);
}

/** The error's message when it concerns one of `fields`, for showing beside that field. */
export function fieldError(
  error: GraphQLRequestError | null | undefined,
  ...fields: string[]
): string | undefined {
  const field = errorField(error);
  return field !== undefined && fields.includes(field) ? error?.message : undefined;
}

/** A CONFLICT because someone else saved first: the screen reloads and says so. */
export function isStaleVersion(error: GraphQLRequestError | null | undefined): boolean {
  return (
    error?.code === ErrorCode.CONFLICT &&
    error.field === undefined &&
    error.errors[0]?.extensions?.['currentVersion'] !== undefined
  );
}

interface FormAlertProps {
  error: GraphQLRequestError | null | undefined;
  /** The fields this form shows errors beside; errors about them are not repeated here. */
  fields?: readonly string[];
}

/** The error of a failed submit that concerns no field of the form, announced at once. */
export function FormAlert({ error, fields = [] }: FormAlertProps) {
  if (!error) return null;
  const field = errorField(error);
  if (field !== undefined && fields.includes(field)) return null;
  return (
    <p className="form__error" role="alert">
      {error.message}
    </p>
  );
}

interface FieldFrame {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

function FieldNotes({
  hintId,
  errorId,
  hint,
  error,
}: {
  hintId: string;
  errorId: string;
  hint: ReactNode;
  error: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p id={hintId} className="setup-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="setup-field__error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

interface TextFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  name?: string;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  minLength?: number;
  list?: string;
  spellCheck?: boolean;
  className?: string;
}

export function TextField({
  label,
  error,
  hint,
  value,
  onChange,
  type = 'text',
  className,
  ...input
}: TextFieldProps) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        onChange={(event) => onChange(event.target.value)}
        {...input}
      />
      <FieldNotes hintId={`${id}-hint`} errorId={`${id}-error`} hint={hint} error={error} />
    </div>
  );
}

interface TextAreaFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}

export function TextAreaField({
  label,
  error,
  hint,
  value,
  onChange,
  rows = 3,
  maxLength,
}: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldNotes hintId={`${id}-hint`} errorId={`${id}-error`} hint={hint} error={error} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** A first, empty choice ("Choose a person…"); required selects refuse it. */
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

export function SelectField({
  label,
  error,
  hint,
  value,
  onChange,
  options,
  placeholder,
  required,
  disabled,
  className,
}: SelectFieldProps) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes hintId={`${id}-hint`} errorId={`${id}-error`} hint={hint} error={error} />
    </div>
  );
}

interface CheckboxFieldProps extends FieldFrame {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function CheckboxField({
  label,
  error,
  hint,
  checked,
  onChange,
  disabled,
}: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field setup-check">
      <div className="setup-check__row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint ? `${id}-hint` : false, error ? `${id}-error` : false)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldNotes hintId={`${id}-hint`} errorId={`${id}-error`} hint={hint} error={error} />
    </div>
  );
}
