import { ProgramRoleKind } from '@ipt/domain';
import { useCallback, useMemo, useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { getSetupProgram } from '../api/get-setup-program';
import { getSetupTeams } from '../api/get-setup-teams';
import type { Person, SetupUser } from '../api/types';
import { DisciplinesPanel } from './DisciplinesPanel';
import { NeedsProgramManager } from './NeedsProgramManager';
import { Notice, type NoticeMessage } from './Notice';
import { ProgramDetailsForm } from './ProgramDetailsForm';
import { ProgramRolesPanel } from './ProgramRolesPanel';
import { TeamsSection } from './TeamsSection';
import { TimelinessPolicySection } from './TimelinessPolicySection';
import { useReloadable } from './use-reloadable';

interface ProgramSetupProps {
  programKey: string;
  isSystemAdmin: boolean;
  /** Every account (system admins); null for everyone else. */
  users: SetupUser[] | null | undefined;
  selectedTeamId: string | null;
  onSelectTeam: (teamId: string) => void;
}

/** One program's set-up: its details, disciplines and roles, then its teams and their members. */
export function ProgramSetup({
  programKey,
  isSystemAdmin,
  users,
  selectedTeamId,
  onSelectTeam,
}: ProgramSetupProps) {
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const loadProgram = useCallback(
    (signal: AbortSignal) => getSetupProgram(programKey, signal),
    [programKey],
  );
  const loadTeams = useCallback(
    (signal: AbortSignal) => getSetupTeams(programKey, signal),
    [programKey],
  );
  const program = useReloadable(loadProgram);
  const teams = useReloadable(loadTeams);
  const reloadProgram = program.reload;

  /** Who can be given a role or a seat: every account for admins, else the program's people. */
  const people = useMemo<Person[]>(() => {
    if (users) return users;
    const byId = new Map<string, Person>();
    for (const { user } of program.data?.roles ?? []) byId.set(user.id, user);
    for (const team of teams.data ?? []) {
      for (const { user } of team.members) byId.set(user.id, user);
    }
    return [...byId.values()];
  }, [users, program.data, teams.data]);

  const changed = useCallback(
    (message: string) => {
      setNotice({ kind: 'success', text: message });
      reloadProgram();
    },
    [reloadProgram],
  );

  if (!program.data) {
    if (program.error) {
      return (
        <ErrorMessage
          title={`Could not load ${programKey}`}
          error={program.error}
          onRetry={program.reload}
        />
      );
    }
    return <Loading label={`Loading ${programKey}…`} />;
  }

  const data = program.data;
  if (!isSystemAdmin && data.myRole !== ProgramRoleKind.PROGRAM_MANAGER) {
    // Members may read, not change, the deadlines their issues are held to.
    return (
      <>
        <NeedsProgramManager programName={`${data.key} – ${data.name}`} />
        <TimelinessPolicySection
          programKey={data.key}
          programVersion={data.version}
          canEdit={false}
        />
      </>
    );
  }

  return (
    <>
      <section className="setup-section" id="program">
        <h2 id="setup-program-heading">Program</h2>
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        {program.error ? (
          <ErrorMessage
            title={`Could not reload ${programKey}`}
            error={program.error}
            onRetry={program.reload}
          />
        ) : null}
        <div className="setup-program">
          <div className="setup-program__column">
            <ProgramDetailsForm
              key={data.version}
              program={data}
              onSaved={changed}
              onStale={(message) => {
                setNotice({ kind: 'warning', text: message });
                reloadProgram();
              }}
            />
            <ProgramRolesPanel program={data} people={people} onChanged={changed} />
          </div>
          <DisciplinesPanel program={data} onAdded={changed} />
        </div>
      </section>
      <TimelinessPolicySection
        programKey={data.key}
        programVersion={data.version}
        canEdit
        onChanged={reloadProgram}
      />
      <TeamsSection
        program={data}
        teams={teams}
        people={people}
        peopleAreProgramOnly={!users}
        selectedTeamId={selectedTeamId}
        onSelectTeam={onSelectTeam}
        onChanged={reloadProgram}
      />
    </>
  );
}
