import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useQuery } from '../../../lib/use-query';
import { getIssues } from '../api/get-issues';
import { getPrograms } from '../api/get-programs';
import type { IssueConnection, Program } from '../api/types';
import { IssuesTable } from './IssuesTable';
import { ProgramSelect } from './ProgramSelect';

/** The program filter lives in the URL (?program=HX) so a filtered list can be shared. */
const PROGRAM_PARAM = 'program';

function captionFor(programs: readonly Program[] | undefined, programKey: string | undefined) {
  if (programKey) {
    const program = programs?.find((p) => p.key === programKey);
    return program ? `Issues in ${program.key} – ${program.name}` : `Issues in ${programKey}`;
  }
  const only = programs?.length === 1 ? programs[0] : undefined;
  return only ? `Issues in ${only.key} – ${only.name}` : 'Issues in all programs';
}

function countLine(connection: IssueConnection): string {
  const shown = connection.edges.length;
  const total = connection.totalCount;
  if (shown < total) return `Showing the first ${shown} of ${total} issues.`;
  return total === 1 ? '1 issue.' : `${total} issues.`;
}

export function IssuesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const programKey = searchParams.get(PROGRAM_PARAM) || undefined;

  const programs = useQuery(getPrograms);
  const loadIssues = useCallback(
    (signal: AbortSignal) => getIssues({ programKey }, signal),
    [programKey],
  );
  const issues = useQuery(loadIssues);

  const programList = programs.status === 'success' ? programs.data : undefined;
  const caption = captionFor(programList, programKey);

  function selectProgram(key: string | undefined) {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (key) next.set(PROGRAM_PARAM, key);
        else next.delete(PROGRAM_PARAM);
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <title>Issues · IPT Coordination Dashboard</title>
      <div className="page-header">
        <h1>Issues</h1>
        {programList && (programList.length > 1 || programKey) ? (
          <ProgramSelect programs={programList} value={programKey} onChange={selectProgram} />
        ) : null}
      </div>

      {programs.status === 'error' ? (
        <ErrorMessage
          title="Could not load the programs"
          error={programs.error}
          onRetry={programs.reload}
        />
      ) : null}

      {issues.status === 'loading' ? <Loading label="Loading issues…" /> : null}
      {issues.status === 'error' ? (
        <ErrorMessage
          title="Could not load the issues"
          error={issues.error}
          onRetry={issues.reload}
        />
      ) : null}
      {issues.status === 'success' ? (
        <>
          {issues.data.totalCount > 0 ? <p className="muted">{countLine(issues.data)}</p> : null}
          <IssuesTable caption={caption} issues={issues.data.edges.map((edge) => edge.node)} />
        </>
      ) : null}
    </>
  );
}
