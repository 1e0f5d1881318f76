import { useId, useState, type FormEvent } from 'react';
import { updateProgram } from '../api/update-program';
import type { SetupProgram } from '../api/types';
import { FormAlert, TextField, fieldError, isStaleVersion } from './fields';
import { TimeZoneField } from './TimeZoneField';
import { useAction } from './use-action';

const FIELDS = ['name', 'phase', 'timeZone'];

interface ProgramDetailsFormProps {
  /** Remount (key on its version) to start from newer values. */
  program: SetupProgram;
  onSaved: (message: string) => void;
  /** Someone else saved first: say so and reload. */
  onStale: (message: string) => void;
}

/** The program's name, phase and time zone, saved with the version they were read at. */
export function ProgramDetailsForm({ program, onSaved, onStale }: ProgramDetailsFormProps) {
  const headingId = useId();
  const [name, setName] = useState(program.name);
  const [phase, setPhase] = useState(program.phase);
  const [timeZone, setTimeZone] = useState(program.timeZone);
  const action = useAction();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await action.run(
      () =>
        updateProgram({
          programKey: program.key,
          version: program.version,
          name,
          phase,
          timeZone: timeZone.trim(),
        }),
      {
        onError: (error) => {
          if (!isStaleVersion(error)) return false;
          // The parent reloads and remounts this form with the current values.
          onStale(
            `Someone else changed ${program.key} while you were editing, so your changes were not saved. The current values are shown now; make your change again.`,
          );
          return true;
        },
      },
    );
    if (saved) onSaved(`Saved the details of ${program.key}.`);
  }

  return (
    <form
      className="card setup-card form"
      aria-labelledby={headingId}
      onSubmit={handleSubmit}
      aria-busy={action.pending}
    >
      <h3 id={headingId}>Details</h3>
      <FormAlert error={action.error} fields={FIELDS} />
      <p className="setup-meta">
        Key <strong>{program.key}</strong>
        <span className="muted"> · version {program.version}</span>
      </p>
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        required
        maxLength={200}
        error={fieldError(action.error, 'name')}
      />
      <TextField
        label="Phase"
        value={phase}
        onChange={setPhase}
        required
        maxLength={100}
        error={fieldError(action.error, 'phase')}
      />
      <TimeZoneField
        value={timeZone}
        onChange={setTimeZone}
        error={fieldError(action.error, 'timeZone')}
      />
      <div className="setup-actions">
        <button type="submit" className="button" disabled={action.pending}>
          Save program
        </button>
      </div>
    </form>
  );
}
