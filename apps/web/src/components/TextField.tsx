import { FieldError, describedBy } from './FieldError';

interface TextFieldProps {
  id: string;
  field: string;
  label: string;
  hint?: string;
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** A labelled multi-line text field with its hint and error. */
export function TextField({
  id,
  field,
  label,
  hint,
  required,
  value,
  onChange,
  error,
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="queue-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        className="queue-textarea"
        data-field={field}
        rows={3}
        required={required}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && hintId, error && errorId)}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
