import { ProgramRoleKind } from '@ipt/domain';
import { useState, type FormEvent } from 'react';
import { setProgramRole } from '../api/set-program-role';
import type { Person, SetupProgram } from '../api/types';
import { FormAlert, SelectField, fieldError } from './fields';
import { PROGRAM_ROLE_LABELS } from './labels';
import { useAction } from './use-action';

const FIELDS = ['userId', 'role'];
const NO_ROLE = 'NONE';

interface ProgramRolesPanelProps {
  program: SetupProgram;
  /** Who may be given a role: every active account for system admins, else the program's people. */
  people: readonly Person[];
  onChanged: (message: string) => void;
}

/** Who manages the program and who is a member of it, and a form to change that. */
export function ProgramRolesPanel({ program, people, onChanged }: ProgramRolesPanelProps) {
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<string>(ProgramRoleKind.MEMBER);
  const action = useAction();

  const currentRole = (id: string) => program.roles.find((r) => r.user.id === id)?.role ?? null;

  function choosePerson(id: string) {
    setUserId(id);
    setRole(currentRole(id) ?? ProgramRoleKind.MEMBER);
    action.clearError();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const person = people.find((p) => p.id === userId);
    const next = role === NO_ROLE ? null : (role as ProgramRoleKind);
    const done = await action.run(() =>
      setProgramRole({ programKey: program.key, userId, role: next }),
    );
    if (done) {
      const who = person?.name ?? 'The person';
      onChanged(
        next === null
          ? `${who} has no explicit role in ${program.key} now.`
          : `${who} is now ${next === ProgramRoleKind.PROGRAM_MANAGER ? 'a program manager' : 'a member'} of ${program.key}.`,
      );
    }
  }

  const options = [...people]
    .filter((p) => p.active || currentRole(p.id) !== null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }));

  return (
    <section className="card setup-card">
      <h3>Program roles</h3>
      {program.roles.length === 0 ? (
        <p className="muted">Nobody has a role in {program.key} yet.</p>
      ) : (
        <div className="table-scroll setup-table-scroll">
          <table className="table setup-table">
            <caption className="setup-visually-hidden">Program roles in {program.key}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col" className="setup-col--wide">
                  Role
                </th>
              </tr>
            </thead>
            <tbody>
              {program.roles.map(({ role: held, user }) => (
                <tr key={user.id}>
                  <th scope="row">
                    <span className="setup-person">
                      <span>
                        {user.name}
                        {user.active ? null : <span className="setup-badge">Deactivated</span>}
                      </span>
                      <span className="setup-person__email">{user.email}</span>
                    </span>
                  </th>
                  <td>{PROGRAM_ROLE_LABELS[held]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form setup-subform" onSubmit={handleSubmit} aria-busy={action.pending}>
        <h4>Change a role</h4>
        <FormAlert error={action.error} fields={FIELDS} />
        <div className="setup-grid setup-grid--tight">
          <SelectField
            label="Person"
            value={userId}
            onChange={choosePerson}
            options={options}
            placeholder="Choose a person…"
            required
            error={fieldError(action.error, 'userId')}
          />
          <SelectField
            label="Role"
            value={role}
            onChange={setRole}
            options={[
              {
                value: ProgramRoleKind.PROGRAM_MANAGER,
                label: PROGRAM_ROLE_LABELS.PROGRAM_MANAGER,
              },
              { value: ProgramRoleKind.MEMBER, label: PROGRAM_ROLE_LABELS.MEMBER },
              { value: NO_ROLE, label: 'No explicit role' },
            ]}
            error={fieldError(action.error, 'role')}
          />
        </div>
        <div className="setup-actions">
          <button type="submit" className="button" disabled={action.pending}>
            Set role
          </button>
        </div>
      </form>
    </section>
  );
}
