import {
  Tier,
  deactivationProblem,
  ladderProblem,
  type LadderProblem,
  type LadderTeam,
} from '@ipt/domain';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { createTeam } from '../api/create-team';
import type { SetupTeam } from '../api/types';
import { updateTeam } from '../api/update-team';
import {
  CheckboxField,
  FormAlert,
  SelectField,
  TextAreaField,
  TextField,
  fieldError,
  isStaleVersion,
} from './fields';
import { TIERS_HIGHEST_FIRST, TIER_NAMES } from './labels';
import { defaultParentId, parentOptions, toLadderTeam } from './ladder';
import { useAction } from './use-action';

const NO_PARENT = '';
const TEAM_FIELDS = ['name', 'tier', 'parentTeamId', 'charter', 'active'];

/** What the form shows beside a field before asking the API (which checks the same rules). */
interface LocalProblem {
  field: LadderProblem['field'];
  message: string;
}

function localMessage(problem: LocalProblem | null, field: LocalProblem['field']) {
  return problem?.field === field ? problem.message : undefined;
}

interface ParentFieldProps {
  /** The team as it is about to be. */
  draft: LadderTeam;
  teams: readonly LadderTeam[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** The parent select: only the teams the ladder rules accept, plus "none" below an OIPT. */
function ParentField({ draft, teams, value, onChange, error }: ParentFieldProps) {
  const options = useMemo(() => parentOptions(draft, teams), [draft, teams]);
  if (draft.tier === Tier.OIPT) {
    return (
      <SelectField
        label="Parent"
        value={NO_PARENT}
        onChange={onChange}
        options={[{ value: NO_PARENT, label: 'None — an OIPT tops the ladder' }]}
        disabled
        error={error}
      />
    );
  }
  const current = teams.find((t) => t.id === value);
  const listed = options.some((t) => t.id === value);
  return (
    <SelectField
      label="Parent"
      value={value}
      onChange={onChange}
      options={[
        { value: NO_PARENT, label: 'None — tops its own ladder' },
        ...options.map((t) => ({
          value: t.id,
          label: `${t.name} (${t.tier}${t.active ? '' : ', inactive'})`,
        })),
        // A stored parent the rules no longer accept stays visible, so the person can see it.
        ...(current && !listed
          ? [{ value: current.id, label: `${current.name} (${current.tier}) — not allowed` }]
          : []),
      ]}
      hint="Where its unresolved issues escalate: a team of a higher tier."
      error={error}
    />
  );
}

interface NewTeamFormProps {
  programKey: string;
  teams: readonly SetupTeam[];
  onCreated: (teamId: string, message: string) => void;
  onCancel: () => void;
}

export function NewTeamForm({ programKey, teams, onCreated, onCancel }: NewTeamFormProps) {
  const headingId = useId();
  const ladder = useMemo(() => teams.map(toLadderTeam), [teams]);
  const hasActiveOipt = ladder.some((t) => t.tier === Tier.OIPT && t.active);
  const firstTier = hasActiveOipt ? Tier.WIPT : Tier.OIPT;
  const [name, setName] = useState('');
  const [tier, setTier] = useState<Tier>(firstTier);
  const [parentId, setParentId] = useState(() => defaultParentId(firstTier, ladder) ?? NO_PARENT);
  const [charter, setCharter] = useState('');
  const [problem, setProblem] = useState<LocalProblem | null>(null);
  const action = useAction();

  const draft: LadderTeam = useMemo(
    () => ({
      id: '',
      name: name.trim() || 'The new team',
      tier,
      parentTeamId: tier === Tier.OIPT || parentId === NO_PARENT ? null : parentId,
      active: true,
    }),
    [name, tier, parentId],
  );

  function chooseTier(value: string) {
    const next = value as Tier;
    setTier(next);
    setParentId(defaultParentId(next, ladder) ?? NO_PARENT);
    setProblem(null);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = ladderProblem(draft, ladder);
    setProblem(found);
    if (found) return;
    const created = await action.run(() =>
      createTeam({
        programKey,
        name,
        tier,
        parentTeamId: draft.parentTeamId,
        charter,
      }),
    );
    if (created) onCreated(created.id, `Created ${name.trim()}.`);
  }

  const error = (field: LocalProblem['field'] | 'name' | 'charter') =>
    fieldError(action.error, field) ??
    (field === 'name' || field === 'charter' ? undefined : localMessage(problem, field));

  return (
    <form
      className="card setup-card form"
      aria-labelledby={headingId}
      onSubmit={handleSubmit}
      aria-busy={action.pending}
    >
      <h3 id={headingId}>New team</h3>
      <FormAlert error={action.error} fields={TEAM_FIELDS} />
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        required
        maxLength={200}
        error={error('name')}
      />
      <div className="setup-grid setup-grid--tight">
        <SelectField
          label="Tier"
          value={tier}
          onChange={chooseTier}
          options={TIERS_HIGHEST_FIRST.map((t) => ({
            value: t,
            label: `${t} — ${TIER_NAMES[t]}`,
          }))}
          error={error('tier')}
        />
        <ParentField
          draft={draft}
          teams={ladder}
          value={tier === Tier.OIPT ? NO_PARENT : parentId}
          onChange={(value) => {
            setParentId(value);
            setProblem(null);
          }}
          error={error('parentTeamId')}
        />
      </div>
      <TextAreaField
        label="Charter"
        value={charter}
        onChange={setCharter}
        maxLength={10000}
        hint="Its purpose and scope."
        error={error('charter')}
      />
      <div className="setup-actions">
        <button type="submit" className="button" disabled={action.pending}>
          Create team
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface TeamEditorProps {
  /** Remount (key on id and version) to start from newer values. */
  team: SetupTeam;
  teams: readonly SetupTeam[];
  onSaved: (message: string) => void;
  onStale: (message: string) => void;
}

/** A team's name, charter, parent and whether it is active, saved with its version. */
export function TeamEditor({ team, teams, onSaved, onStale }: TeamEditorProps) {
  const headingId = useId();
  const ladder = useMemo(() => teams.map(toLadderTeam), [teams]);
  const [name, setName] = useState(team.name);
  const [charter, setCharter] = useState(team.charter);
  const [parentId, setParentId] = useState(team.parentTeam?.id ?? NO_PARENT);
  const [active, setActive] = useState(team.active);
  const [problem, setProblem] = useState<LocalProblem | null>(null);
  const action = useAction();

  const draft: LadderTeam = useMemo(
    () => ({
      id: team.id,
      name: name.trim() || team.name,
      tier: team.tier,
      parentTeamId: parentId === NO_PARENT ? null : parentId,
      active,
    }),
    [team.id, team.name, team.tier, name, parentId, active],
  );

  function localProblem(): LocalProblem | null {
    const ladderIssue = ladderProblem(draft, ladder);
    if (ladderIssue) return ladderIssue;
    if (team.active && !active) {
      const blocking = deactivationProblem(draft, ladder);
      if (blocking) return { field: 'active', message: blocking };
    }
    return null;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = localProblem();
    setProblem(found);
    if (found) return;
    const saved = await action.run(
      () =>
        updateTeam({
          teamId: team.id,
          version: team.version,
          name,
          charter,
          parentTeamId: draft.parentTeamId,
          active,
        }),
      {
        onError: (error) => {
          if (!isStaleVersion(error)) return false;
          onStale(
            `Someone else changed ${team.name} while you were editing, so your changes were not saved. The current values are shown now; make your change again.`,
          );
          return true;
        },
      },
    );
    if (saved) onSaved(`Saved ${name.trim() || team.name}.`);
  }

  const error = (field: LocalProblem['field'] | 'name' | 'charter') =>
    fieldError(action.error, field) ??
    (field === 'name' || field === 'charter' ? undefined : localMessage(problem, field));

  return (
    <form
      className="form setup-subform"
      aria-labelledby={headingId}
      onSubmit={handleSubmit}
      aria-busy={action.pending}
    >
      <h4 id={headingId}>Team details</h4>
      <FormAlert error={action.error} fields={TEAM_FIELDS} />
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        required
        maxLength={200}
        error={error('name')}
      />
      <div className="setup-grid setup-grid--tight">
        <div className="field">
          <span className="setup-field__label">Tier</span>
          <span className="setup-readonly">
            {team.tier} — {TIER_NAMES[team.tier]}
          </span>
          {error('tier') ? (
            <p className="setup-field__error" role="alert">
              {error('tier')}
            </p>
          ) : null}
        </div>
        <ParentField
          draft={draft}
          teams={ladder}
          value={parentId}
          onChange={(value) => {
            setParentId(value);
            setProblem(null);
          }}
          error={error('parentTeamId')}
        />
      </div>
      <TextAreaField
        label="Charter"
        value={charter}
        onChange={setCharter}
        maxLength={10000}
        error={error('charter')}
      />
      <CheckboxField
        label="Active"
        checked={active}
        onChange={(checked) => {
          setActive(checked);
          setProblem(null);
        }}
        hint="An inactive team takes no new issues or members; it stays in the history."
        error={error('active')}
      />
      <div className="setup-actions">
        <button type="submit" className="button" disabled={action.pending}>
          Save team
        </button>
      </div>
    </form>
  );
}
