import { useState, type FormEvent } from 'react';
import { addDiscipline } from '../api/add-discipline';
import type { SetupProgram } from '../api/types';
import { CheckboxField, FormAlert, TextField, fieldError } from './fields';
import { useAction } from './use-action';

const FIELDS = ['code', 'name', 'agreeRole'];

interface DisciplinesPanelProps {
  program: SetupProgram;
  onAdded: (message: string) => void;
}

/** The disciplines the program uses, and a form to add one beyond the default catalog. */
export function DisciplinesPanel({ program, onAdded }: DisciplinesPanelProps) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [agreeRole, setAgreeRole] = useState(false);
  const action = useAction();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const added = await action.run(() =>
      addDiscipline({ programKey: program.key, code: code.trim(), name, agreeRole }),
    );
    if (added) {
      onAdded(`Added the discipline ${name.trim()} (${code.trim()}).`);
      setCode('');
      setName('');
      setAgreeRole(false);
    }
  }

  return (
    <section className="card setup-card">
      <h3>Disciplines</h3>
      {program.disciplines.length === 0 ? (
        <p className="muted">No disciplines yet. Add the first below.</p>
      ) : (
        <div className="table-scroll setup-table-scroll">
          <table className="table setup-table">
            <caption className="setup-visually-hidden">Disciplines of {program.key}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Code</th>
                <th scope="col" className="setup-col--narrow">
                  <abbr title="Veto-like standing (RAPID “Agree”)">Agree</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {program.disciplines.map((discipline) => (
                <tr key={discipline.code}>
                  <th scope="row">{discipline.name}</th>
                  <td>
                    <code>{discipline.code}</code>
                  </td>
                  <td>{discipline.agreeRole ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form setup-subform" onSubmit={handleSubmit} aria-busy={action.pending}>
        <h4>Add discipline</h4>
        <FormAlert error={action.error} fields={FIELDS} />
        <div className="setup-grid setup-grid--tight">
          <TextField
            label="Code"
            value={code}
            onChange={setCode}
            required
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            hint="Lower-case letters, digits and dashes, e.g. human-factors."
            error={fieldError(action.error, 'code')}
          />
          <TextField
            label="Name"
            value={name}
            onChange={setName}
            required
            maxLength={100}
            error={fieldError(action.error, 'name')}
          />
        </div>
        <CheckboxField
          label="Veto-like standing (Agree)"
          checked={agreeRole}
          onChange={setAgreeRole}
          hint="Like legal or contracting: its recommendation carries the weight of agreement."
          error={fieldError(action.error, 'agreeRole')}
        />
        <div className="setup-actions">
          <button type="submit" className="button" disabled={action.pending}>
            Add discipline
          </button>
        </div>
      </form>
    </section>
  );
}
