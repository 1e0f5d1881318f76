/** The error of one form field, tied to it by `aria-describedby` (give both the same id). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="queue-field-error">
      {message}
    </p>
  );
}

/** The ids an input's `aria-describedby` should name: its hint and, when shown, its error. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return present.length > 0 ? present.join(' ') : undefined;
}
