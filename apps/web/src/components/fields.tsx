import { useId, type ReactNode } from 'react';
import './fields.css';

/*
 * The one field kit: a labelled text field, select and choice group, each with its hint and its
 * error tied to it (aria-describedby), "(optional)" said where a field may stay empty. Every form
 * that sends something uses these.
 */

/** Ids and ARIA wiring shared by every labelled control: its error and hint are read with it. */
function describedBy(errorId: string, error: string | undefined, hintId: string, hint: ReactNode) {
  const ids = [error ? errorId : null, hint ? hintId : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="issue-field__error">
      {message}
    </p>
  );
}

interface BaseFieldProps {
  label: string;
  /** The API's name for the field (error.field), also its form name. */
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}

interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date';
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
}

export function TextField({
  label,
  name,
  error,
  hint,
  required,
  disabled,
  value,
  onChange,
  type = 'text',
  maxLength,
  multiline,
  rows = 3,
}: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const common = {
    id,
    name,
    value,
    required,
    disabled,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(errorId, error, hintId, hint),
  } as const;
  return (
    <div className="field issue-field">
      <label htmlFor={id}>
        {label}
        {required ? null : (
          <span className="issue-field__optional" aria-hidden="true">
            {' '}
            (optional)
          </span>
        )}
      </label>
      {hint ? (
        <p id={hintId} className="issue-field__hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

interface SelectFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** The empty first choice ("Choose a person"); none when left out. */
  placeholder?: string;
}

export function SelectField({
  label,
  name,
  error,
  hint,
  required,
  disabled,
  value,
  onChange,
  options,
  placeholder,
}: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="field issue-field">
      <label htmlFor={id}>
        {label}
        {required ? null : (
          <span className="issue-field__optional" aria-hidden="true">
            {' '}
            (optional)
          </span>
        )}
      </label>
      {hint ? (
        <p id={hintId} className="issue-field__hint">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(errorId, error, hintId, hint)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} message={error} />
    </div>
  );
}

interface ChoiceGroupProps extends BaseFieldProps {
  /** Radios choose one; checkboxes choose several. */
  kind: 'radio' | 'checkbox';
  value: readonly string[];
  onChange: (value: string[]) => void;
  options: readonly { value: string; label: string; hint?: string }[];
}

/** A fieldset of radios or checkboxes, its legend the label. */
export function ChoiceGroup({
  label,
  name,
  error,
  hint,
  required,
  disabled,
  kind,
  value,
  onChange,
  options,
}: ChoiceGroupProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  function toggle(option: string, checked: boolean) {
    if (kind === 'radio') onChange([option]);
    else onChange(checked ? [...value, option] : value.filter((v) => v !== option));
  }
  return (
    <fieldset
      className="issue-choices"
      role={kind === 'radio' ? 'radiogroup' : undefined}
      disabled={disabled}
      aria-invalid={kind === 'radio' && error ? true : undefined}
      aria-required={kind === 'radio' && required ? true : undefined}
      aria-describedby={describedBy(errorId, error, hintId, hint)}
    >
      <legend>
        {label}
        {required ? null : (
          <span className="issue-field__optional" aria-hidden="true">
            {' '}
            (optional)
          </span>
        )}
      </legend>
      {hint ? (
        <p id={hintId} className="issue-field__hint">
          {hint}
        </p>
      ) : null}
      <div className={kind === 'checkbox' ? 'issue-choices__grid' : 'issue-choices__list'}>
        {options.map((option, index) => {
          const optionId = `${id}-${index}`;
          return (
            <div key={option.value} className="issue-choice">
              <input
                id={optionId}
                type={kind}
                name={name}
                value={option.value}
                checked={value.includes(option.value)}
                aria-invalid={kind === 'checkbox' && error ? true : undefined}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <label htmlFor={optionId}>
                {option.label}
                {option.hint ? <span className="issue-choice__hint">{option.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
