import { useId, useMemo, useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import type { Person, SetupProgram, SetupTeam } from '../api/types';
import { TIER_NAMES } from './labels';
import { buildTeamTree, toLadderTeam, visibleNodes } from './ladder';
import { MembersPanel } from './MembersPanel';
import { Notice, type NoticeMessage } from './Notice';
import { NewTeamForm, TeamEditor } from './TeamForms';
import { TeamTree, type TreeTeam } from './TeamTree';
import type { Reloadable } from './use-reloadable';

interface TeamsSectionProps {
  program: SetupProgram;
  teams: Reloadable<SetupTeam[]>;
  people: readonly Person[];
  peopleAreProgramOnly: boolean;
  /** From the URL; the top team when none (or an unknown one) is given. */
  selectedTeamId: string | null;
  onSelectTeam: (teamId: string) => void;
  /** Something changed that the program's roles may reflect (adding a member makes a MEMBER). */
  onChanged: () => void;
}

/** The program's IPTs as a tier tree; the selected team's details and members beside it. */
export function TeamsSection({
  program,
  teams,
  people,
  peopleAreProgramOnly,
  selectedTeamId,
  onSelectTeam,
  onChanged,
}: TeamsSectionProps) {
  const detailHeadingId = useId();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const list = useMemo(() => teams.data ?? [], [teams.data]);

  const tree = useMemo(
    () =>
      buildTeamTree<TreeTeam>(
        list.map((team) => ({ ...toLadderTeam(team), memberCount: team.members.length })),
      ),
    [list],
  );
  const requested = list.find((t) => t.id === selectedTeamId);
  // A team just created is not in the list until the teams have been read again.
  const awaitingRequested = selectedTeamId !== null && !requested && teams.loading;
  const selected =
    requested ??
    (awaitingRequested
      ? null
      : (list.find((t) => t.id === visibleNodes(tree, new Set())[0]?.team.id) ?? null));

  function changed(message: string) {
    setNotice({ kind: 'success', text: message });
    teams.reload();
    onChanged();
  }

  return (
    <section className="setup-section" aria-labelledby="setup-teams-heading" id="teams">
      <div className="setup-section__header">
        <h2 id="setup-teams-heading">Teams</h2>
        {creating ? null : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setCreating(true);
              setNotice(null);
            }}
          >
            New team
          </button>
        )}
      </div>
      <p className="muted setup-section__intro">
        The escalation ladder: issues a WIPT cannot resolve go to its IIPT, then to the OIPT, where
        the decision authority sits.
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {teams.error ? (
        <ErrorMessage title="Could not load the teams" error={teams.error} onRetry={teams.reload} />
      ) : null}
      {teams.loading && !teams.data ? <Loading label="Loading teams…" /> : null}
      {teams.data ? (
        <div className="setup-teams">
          <div className="card setup-card setup-teams__tree">
            {tree.length === 0 ? (
              <div className="setup-empty">
                <p className="empty-state__title">No teams yet</p>
                <p className="muted">Start with the OIPT: choose New team.</p>
              </div>
            ) : (
              <TeamTree
                roots={tree}
                selectedId={creating ? null : (selected?.id ?? null)}
                onSelect={(id) => {
                  setCreating(false);
                  onSelectTeam(id);
                }}
                label={`Teams of ${program.key}`}
              />
            )}
          </div>
          <div className="setup-teams__detail">
            {creating ? (
              <NewTeamForm
                programKey={program.key}
                teams={list}
                onCreated={(teamId, message) => {
                  setCreating(false);
                  onSelectTeam(teamId);
                  changed(message);
                }}
                onCancel={() => setCreating(false)}
              />
            ) : awaitingRequested ? (
              <Loading label="Loading the team…" />
            ) : selected ? (
              <section className="card setup-card" aria-labelledby={detailHeadingId}>
                <h3 id={detailHeadingId} className="setup-team-title">
                  {selected.name}
                  <span className="tier" title={TIER_NAMES[selected.tier]}>
                    {selected.tier}
                  </span>
                  {selected.active ? null : <span className="setup-badge">Inactive</span>}
                </h3>
                <TeamEditor
                  key={`${selected.id}:${selected.version}`}
                  team={selected}
                  teams={list}
                  onSaved={changed}
                  onStale={(message) => {
                    setNotice({ kind: 'warning', text: message });
                    teams.reload();
                  }}
                />
                <MembersPanel
                  key={selected.id}
                  team={selected}
                  teams={list}
                  program={program}
                  people={people}
                  peopleAreProgramOnly={peopleAreProgramOnly}
                  onChanged={changed}
                />
              </section>
            ) : (
              <p className="muted">
                {list.length === 0
                  ? 'Create the OIPT first; the IIPTs and WIPTs go under it.'
                  : 'Choose a team to see and change it.'}
              </p>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
