import { useId, useMemo } from 'react';
import { TextField } from './fields';
import { knownTimeZones } from './time-zones';

interface TimeZoneFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** A time zone typed with suggestions (every IANA zone the browser knows). */
export function TimeZoneField({ value, onChange, error }: TimeZoneFieldProps) {
  const listId = useId();
  const zones = useMemo(() => knownTimeZones(), []);
  return (
    <>
      <TextField
        label="Time zone"
        value={value}
        onChange={onChange}
        error={error}
        required
        spellCheck={false}
        autoComplete="off"
        list={zones.length > 0 ? listId : undefined}
        hint="IANA name, e.g. America/New_York; day boundaries and business days use it."
      />
      {zones.length > 0 ? (
        <datalist id={listId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      ) : null}
    </>
  );
}
