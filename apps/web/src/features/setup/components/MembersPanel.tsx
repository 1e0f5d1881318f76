import { TeamRole } from '@ipt/domain';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { addMember } from '../api/add-member';
import { removeMember } from '../api/remove-member';
import type { Person, SetupMember, SetupProgram, SetupTeam } from '../api/types';
import { updateMember } from '../api/update-member';
import { CheckboxField, FormAlert, SelectField, fieldError } from './fields';
import { TEAM_ROLES, TEAM_ROLE_LABELS, disciplineName, yesNo } from './labels';
import { useAction } from './use-action';

interface MembersPanelProps {
  team: SetupTeam;
  /** Every team of the program, to suggest a person's usual discipline. */
  teams: readonly SetupTeam[];
  program: SetupProgram;
  /** Who may be put on a team. */
  people: readonly Person[];
  /** True when `people` is limited to the program's own people (not a system admin). */
  peopleAreProgramOnly: boolean;
  onChanged: (message: string) => void;
}

/** Who sits on the team, for which discipline, in which role, and who may decide. */
export function MembersPanel({
  team,
  teams,
  program,
  people,
  peopleAreProgramOnly,
  onChanged,
}: MembersPanelProps) {
  const captionId = useId();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removingId, setRemovingId] = useState<string | null>(null);
  const disciplineOptions = program.disciplines.map((d) => ({ value: d.code, label: d.name }));

  return (
    <div className="setup-members">
      {team.members.length === 0 ? (
        <div className="empty-state setup-empty">
          <p className="empty-state__title">Nobody is on {team.name} yet</p>
          <p className="muted">Add the team’s lead and its discipline representatives below.</p>
        </div>
      ) : (
        // Focusable, so a table wider than the screen can be scrolled from the keyboard.
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="table setup-table">
            <caption id={captionId}>Members of {team.name}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Discipline</th>
                <th scope="col">Team role</th>
                <th scope="col">Decision authority</th>
                <th scope="col">
                  <span className="setup-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((member) =>
                member.id === editingId ? (
                  <MemberEditRow
                    key={member.id}
                    member={member}
                    disciplineOptions={disciplineOptions}
                    onDone={(message) => {
                      setEditingId(null);
                      if (message) onChanged(message);
                    }}
                  />
                ) : (
                  <MemberRow
                    key={member.id}
                    member={member}
                    team={team}
                    program={program}
                    confirming={member.id === removingId}
                    onEdit={() => {
                      setRemovingId(null);
                      setEditingId(member.id);
                    }}
                    onAskRemove={() => {
                      setEditingId(null);
                      setRemovingId(member.id);
                    }}
                    onCancelRemove={() => setRemovingId(null)}
                    onRemoved={(message) => {
                      setRemovingId(null);
                      onChanged(message);
                    }}
                  />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {team.active ? (
        <AddMemberForm
          key={team.id}
          team={team}
          teams={teams}
          people={people}
          peopleAreProgramOnly={peopleAreProgramOnly}
          disciplineOptions={disciplineOptions}
          onAdded={onChanged}
        />
      ) : (
        <p className="muted">{team.name} is inactive; reactivate it to add members.</p>
      )}
    </div>
  );
}

interface MemberRowProps {
  member: SetupMember;
  team: SetupTeam;
  program: SetupProgram;
  confirming: boolean;
  onEdit: () => void;
  onAskRemove: () => void;
  onCancelRemove: () => void;
  onRemoved: (message: string) => void;
}

function MemberRow({
  member,
  team,
  program,
  confirming,
  onEdit,
  onAskRemove,
  onCancelRemove,
  onRemoved,
}: MemberRowProps) {
  const action = useAction();
  const who = member.user.name;

  async function confirmRemoval() {
    const removed = await action.run(() => removeMember(member.id));
    if (removed) onRemoved(`Removed ${who} from ${team.name}.`);
  }

  return (
    <tr>
      <th scope="row">
        <span className="setup-person">
          <span>{who}</span>
          <span className="setup-person__email">{member.user.email}</span>
        </span>
        {member.user.active ? null : <span className="setup-badge">Deactivated</span>}
      </th>
      <td>{disciplineName(member.discipline, program.disciplines)}</td>
      <td>{TEAM_ROLE_LABELS[member.role]}</td>
      <td>{yesNo(member.decisionAuthority)}</td>
      <td className="setup-row-actions">
        {confirming ? (
          <div className="setup-confirm" role="group" aria-label={`Remove ${who}?`}>
            <span>
              Remove {who} from {team.name}?
            </span>
            <button
              type="button"
              className="button setup-button--danger setup-button--small"
              onClick={confirmRemoval}
              disabled={action.pending}
              autoFocus
            >
              Confirm removal
            </button>
            <button
              type="button"
              className="button button--secondary setup-button--small"
              onClick={onCancelRemove}
            >
              Cancel
            </button>
            <FormAlert error={action.error} />
          </div>
        ) : (
          <>
            <button
              type="button"
              className="button button--secondary setup-button--small"
              onClick={onEdit}
            >
              Edit<span className="setup-visually-hidden"> {who}</span>
            </button>
            <button
              type="button"
              className="button button--secondary setup-button--small"
              onClick={onAskRemove}
            >
              Remove<span className="setup-visually-hidden"> {who}</span>
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

interface MemberEditRowProps {
  member: SetupMember;
  disciplineOptions: { value: string; label: string }[];
  /** Finished: with a message when something was saved. */
  onDone: (message: string | null) => void;
}

function MemberEditRow({ member, disciplineOptions, onDone }: MemberEditRowProps) {
  const id = useId();
  const [discipline, setDiscipline] = useState(member.discipline);
  const [role, setRole] = useState<TeamRole>(member.role);
  const [decisionAuthority, setDecisionAuthority] = useState(member.decisionAuthority);
  const action = useAction();
  const who = member.user.name;
  const options = disciplineOptions.some((o) => o.value === member.discipline)
    ? disciplineOptions
    : [{ value: member.discipline, label: member.discipline }, ...disciplineOptions];

  async function save() {
    const saved = await action.run(() =>
      updateMember({ membershipId: member.id, discipline, role, decisionAuthority }),
    );
    if (saved) onDone(`Saved ${who}’s membership.`);
  }

  const disciplineError = fieldError(action.error, 'discipline');
  const roleError = fieldError(action.error, 'role');
  const authorityError = fieldError(action.error, 'decisionAuthority');

  return (
    <tr className="setup-row--editing">
      <th scope="row">
        <span className="setup-person">
          <span>{who}</span>
          <span className="setup-person__email">{member.user.email}</span>
        </span>
      </th>
      <td>
        <label htmlFor={`${id}-discipline`} className="setup-visually-hidden">
          Discipline for {who}
        </label>
        <select
          id={`${id}-discipline`}
          value={discipline}
          aria-invalid={disciplineError ? true : undefined}
          aria-describedby={disciplineError ? `${id}-discipline-error` : undefined}
          onChange={(event) => setDiscipline(event.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {disciplineError ? (
          <p id={`${id}-discipline-error`} className="setup-field__error" role="alert">
            {disciplineError}
          </p>
        ) : null}
      </td>
      <td>
        <label htmlFor={`${id}-role`} className="setup-visually-hidden">
          Team role for {who}
        </label>
        <select
          id={`${id}-role`}
          value={role}
          aria-invalid={roleError ? true : undefined}
          aria-describedby={roleError ? `${id}-role-error` : undefined}
          onChange={(event) => setRole(event.target.value as TeamRole)}
        >
          {TEAM_ROLES.map((r) => (
            <option key={r} value={r}>
              {TEAM_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {roleError ? (
          <p id={`${id}-role-error`} className="setup-field__error" role="alert">
            {roleError}
          </p>
        ) : null}
      </td>
      <td>
        <span className="setup-check__row">
          <input
            id={`${id}-authority`}
            type="checkbox"
            checked={decisionAuthority}
            aria-invalid={authorityError ? true : undefined}
            onChange={(event) => setDecisionAuthority(event.target.checked)}
          />
          <label htmlFor={`${id}-authority`}>
            <span aria-hidden="true">{yesNo(decisionAuthority)}</span>
            <span className="setup-visually-hidden">Decision authority for {who}</span>
          </label>
        </span>
        {authorityError ? (
          <p className="setup-field__error" role="alert">
            {authorityError}
          </p>
        ) : null}
      </td>
      <td className="setup-row-actions">
        <button
          type="button"
          className="button setup-button--small"
          onClick={save}
          disabled={action.pending}
        >
          Save member
        </button>
        <button
          type="button"
          className="button button--secondary setup-button--small"
          onClick={() => onDone(null)}
        >
          Cancel
        </button>
        <FormAlert error={action.error} fields={['discipline', 'role', 'decisionAuthority']} />
      </td>
    </tr>
  );
}

interface AddMemberFormProps {
  team: SetupTeam;
  teams: readonly SetupTeam[];
  people: readonly Person[];
  peopleAreProgramOnly: boolean;
  disciplineOptions: { value: string; label: string }[];
  onAdded: (message: string) => void;
}

function AddMemberForm({
  team,
  teams,
  people,
  peopleAreProgramOnly,
  disciplineOptions,
  onAdded,
}: AddMemberFormProps) {
  const headingId = useId();
  const [userId, setUserId] = useState('');
  const [discipline, setDiscipline] = useState('');
  const [role, setRole] = useState<TeamRole>(TeamRole.CORE);
  const [decisionAuthority, setDecisionAuthority] = useState(false);
  const action = useAction();

  const onTeam = useMemo(() => new Set(team.members.map((m) => m.user.id)), [team.members]);
  const candidates = useMemo(
    () =>
      people
        .filter((p) => p.active && !onTeam.has(p.id))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [people, onTeam],
  );

  /** The discipline someone represents on the program's other teams, if any. */
  function usualDiscipline(personId: string): string | undefined {
    for (const other of teams) {
      const seat = other.members.find((m) => m.user.id === personId);
      if (seat && disciplineOptions.some((o) => o.value === seat.discipline))
        return seat.discipline;
    }
    return undefined;
  }

  function choosePerson(id: string) {
    setUserId(id);
    const usual = usualDiscipline(id);
    if (usual) setDiscipline(usual);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const person = people.find((p) => p.id === userId);
    const added = await action.run(() =>
      addMember({ teamId: team.id, userId, discipline, role, decisionAuthority }),
    );
    if (added) {
      onAdded(`Added ${person?.name ?? 'the person'} to ${team.name}.`);
      setUserId('');
      setDiscipline('');
      setRole(TeamRole.CORE);
      setDecisionAuthority(false);
    }
  }

  return (
    <form
      className="form setup-subform"
      aria-labelledby={headingId}
      onSubmit={handleSubmit}
      aria-busy={action.pending}
    >
      <h4 id={headingId}>Add member</h4>
      <FormAlert
        error={action.error}
        fields={['userId', 'discipline', 'role', 'decisionAuthority']}
      />
      <div className="setup-grid setup-grid--tight">
        <SelectField
          label="Person"
          value={userId}
          onChange={choosePerson}
          options={candidates.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
          placeholder={candidates.length === 0 ? 'Nobody left to add' : 'Choose a person…'}
          required
          hint={
            peopleAreProgramOnly
              ? 'People with a role in the program; a system admin can add anyone else.'
              : undefined
          }
          error={fieldError(action.error, 'userId')}
        />
        <SelectField
          label="Discipline"
          value={discipline}
          onChange={setDiscipline}
          options={disciplineOptions}
          placeholder="Choose a discipline…"
          required
          error={fieldError(action.error, 'discipline')}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(value) => setRole(value as TeamRole)}
          options={TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }))}
          error={fieldError(action.error, 'role')}
        />
      </div>
      <CheckboxField
        label="Decision authority"
        checked={decisionAuthority}
        onChange={setDecisionAuthority}
        hint="May decide the team’s issues."
        error={fieldError(action.error, 'decisionAuthority')}
      />
      <div className="setup-actions">
        <button type="submit" className="button" disabled={action.pending}>
          Add member
        </button>
      </div>
    </form>
  );
}
