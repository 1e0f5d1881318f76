import { useState, type FormEvent } from 'react';
import { createProgram } from '../api/create-program';
import { FormAlert, TextField, fieldError } from './fields';
import { TimeZoneField } from './TimeZoneField';
import { useAction } from './use-action';

const FIELDS = ['key', 'name', 'phase', 'timeZone'];

interface NewProgramFormProps {
  onCreated: (programKey: string) => void;
  onCancel: () => void;
}

/** System admins: a new program (with the default disciplines); they become its first PM. */
export function NewProgramForm({ onCreated, onCancel }: NewProgramFormProps) {
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [phase, setPhase] = useState('');
  const [timeZone, setTimeZone] = useState('UTC');
  const action = useAction();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const created = await action.run(() =>
      createProgram({ key: key.trim().toUpperCase(), name, phase, timeZone: timeZone.trim() }),
    );
    if (created) onCreated(created.key);
  }

  return (
    <form className="card setup-card form" onSubmit={handleSubmit} aria-busy={action.pending}>
      <h2>New program</h2>
      <FormAlert error={action.error} fields={FIELDS} />
      <div className="setup-grid">
        <TextField
          label="Key"
          value={key}
          onChange={setKey}
          required
          maxLength={10}
          autoComplete="off"
          spellCheck={false}
          className="setup-field--key"
          hint="2–10 capital letters or digits, e.g. HX; it prefixes issue keys and cannot change."
          error={fieldError(action.error, 'key')}
        />
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
          hint="Acquisition phase, e.g. Engineering & Manufacturing Development."
          error={fieldError(action.error, 'phase')}
        />
        <TimeZoneField
          value={timeZone}
          onChange={setTimeZone}
          error={fieldError(action.error, 'timeZone')}
        />
      </div>
      <div className="setup-actions">
        <button type="submit" className="button" disabled={action.pending}>
          Create program
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
