import { useId } from 'react';
import type { Program } from '../api/types';

interface ProgramSelectProps {
  programs: readonly Program[];
  /** The selected program's key; undefined for all programs. */
  value: string | undefined;
  onChange: (programKey: string | undefined) => void;
}

export function ProgramSelect({ programs, value, onChange }: ProgramSelectProps) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={id}>Program</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">All programs</option>
        {programs.map((program) => (
          <option key={program.id} value={program.key}>
            {program.key} – {program.name}
          </option>
        ))}
      </select>
    </div>
  );
}
