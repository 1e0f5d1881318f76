import { ProgramRoleKind } from '@ipt/domain';
import { useCallback, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useSession } from '../auth';
import { getSetupPrograms } from './api/get-setup-programs';
import { getSetupUsers } from './api/get-setup-users';
import { ChangePasswordSection } from './components/ChangePasswordSection';
import { NeedsProgramManager } from './components/NeedsProgramManager';
import { NewProgramForm } from './components/NewProgramForm';
import { PeopleSection } from './components/PeopleSection';
import { ProgramSetup } from './components/ProgramSetup';
import { useReloadable } from './components/use-reloadable';
import './setup.css';

/** The program and the team being set up live in the URL (?program=HX&team=…), to share. */
const PROGRAM_PARAM = 'program';
const TEAM_PARAM = 'team';

/**
 * Set-up: a program's details, disciplines, roles, teams (as a tier tree) and members, for its
 * program managers and system admins; accounts for system admins; everyone's own password.
 */
export function SetupPage() {
  const { session } = useSession();
  const user = session.status === 'signedIn' ? session.user : null;
  const isSystemAdmin = user?.isSystemAdmin ?? false;
  const programSelectId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const [creatingProgram, setCreatingProgram] = useState(false);

  const programs = useReloadable(getSetupPrograms);
  const loadUsers = useCallback(
    (signal: AbortSignal) => (isSystemAdmin ? getSetupUsers(signal) : Promise.resolve(null)),
    [isSystemAdmin],
  );
  const users = useReloadable(loadUsers);

  const manageable = (programs.data ?? []).filter(
    (p) => isSystemAdmin || p.myRole === ProgramRoleKind.PROGRAM_MANAGER,
  );
  const requestedKey = searchParams.get(PROGRAM_PARAM)?.toUpperCase() || null;
  const programKey = requestedKey ?? manageable[0]?.key ?? null;
  const requestedIsVisible =
    requestedKey === null || (programs.data ?? []).some((p) => p.key === requestedKey);

  function update(changes: Record<string, string | null>) {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  }

  const selectProgram = (key: string) => update({ [PROGRAM_PARAM]: key, [TEAM_PARAM]: null });
  const selectTeam = (teamId: string) => update({ [TEAM_PARAM]: teamId });

  function programArea() {
    if (programs.error && !programs.data) {
      return (
        <ErrorMessage
          title="Could not load the programs"
          error={programs.error}
          onRetry={programs.reload}
        />
      );
    }
    if (!programs.data) return <Loading label="Loading programs…" />;
    if (manageable.length === 0 && !isSystemAdmin) {
      const readable = programs.data;
      // Not a program manager anywhere: a program of theirs opens read-only (its policy).
      if (requestedKey === null || !readable.some((p) => p.key === requestedKey)) {
        return (
          <>
            <NeedsProgramManager />
            {readable.length > 0 ? (
              <section className="setup-section" aria-labelledby="setup-read-policy-heading">
                <h2 id="setup-read-policy-heading">Timeliness policies</h2>
                <p className="setup-section__intro">
                  You can read the deadlines your programs hold issues to:
                </p>
                <ul>
                  {readable.map((program) => (
                    <li key={program.id}>
                      <Link
                        to={{
                          search: `?${PROGRAM_PARAM}=${encodeURIComponent(program.key)}`,
                          hash: '#timeliness',
                        }}
                      >
                        {program.key} – {program.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        );
      }
    }
    if (programKey === null) {
      return (
        <div className="empty-state">
          <p className="empty-state__title">No programs yet</p>
          <p className="muted">Create the first program: choose New program.</p>
        </div>
      );
    }
    if (!requestedIsVisible) {
      // A program just created is not in the list until it has been read again.
      if (programs.loading) return <Loading label={`Loading ${programKey}…`} />;
      return (
        <div className="error-message" role="alert">
          <p className="error-message__title">There is no program {programKey} you can see</p>
          <p>Choose one of your programs above.</p>
        </div>
      );
    }
    return (
      <ProgramSetup
        key={programKey}
        programKey={programKey}
        isSystemAdmin={isSystemAdmin}
        users={users.data}
        selectedTeamId={searchParams.get(TEAM_PARAM)}
        onSelectTeam={selectTeam}
      />
    );
  }

  const canPickProgram = manageable.length > 0;

  return (
    <div className="setup">
      <title>Set-up · IPT Coordination Dashboard</title>
      <div className="page-header setup-header">
        <h1>Set-up</h1>
        <div className="setup-header__controls">
          {canPickProgram ? (
            <div className="field field--inline">
              <label htmlFor={programSelectId}>Program</label>
              <select
                id={programSelectId}
                value={manageable.some((p) => p.key === programKey) ? (programKey ?? '') : ''}
                onChange={(event) => selectProgram(event.target.value)}
              >
                {manageable.some((p) => p.key === programKey) ? null : (
                  <option value="">Choose a program…</option>
                )}
                {manageable.map((program) => (
                  <option key={program.id} value={program.key}>
                    {program.key} – {program.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {isSystemAdmin && !creatingProgram ? (
            <button type="button" className="button" onClick={() => setCreatingProgram(true)}>
              New program
            </button>
          ) : null}
        </div>
      </div>

      {canPickProgram || isSystemAdmin ? (
        <nav className="setup-toc" aria-label="Set-up sections">
          {canPickProgram ? (
            <>
              <a href="#program">Program</a>
              <a href="#timeliness">Timeliness policy</a>
              <a href="#teams">Teams</a>
            </>
          ) : null}
          {isSystemAdmin ? <a href="#people">People</a> : null}
          <a href="#password">Change my password</a>
        </nav>
      ) : null}

      {creatingProgram ? (
        <NewProgramForm
          onCreated={(key) => {
            setCreatingProgram(false);
            programs.reload();
            selectProgram(key);
          }}
          onCancel={() => setCreatingProgram(false)}
        />
      ) : null}

      {programArea()}

      {isSystemAdmin && user ? <PeopleSection users={users} myId={user.id} /> : null}
      <ChangePasswordSection />
    </div>
  );
}
