import { parseIssueKey } from '@ipt/domain';
import { useCallback, useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useQuery } from '../../../lib/use-query';
import { useSession } from '../../auth';
import { ACTION_BUTTON_LABELS, type IssueAction } from '../actions';
import { getIssue, type IssueDetail } from '../api/get-issue';
import { getProgramPeople, type IssueProgram } from '../api/get-program-people';
import { disciplineName as nameOfDiscipline } from '../format';
import '../styles';
import { ActionDialog } from './ActionDialog';
import { Dialog } from './Dialog';
import type { FormEnv } from './form-env';

export interface IssueActionHostProps {
  issueKey: string;
  action: IssueAction;
  /** The discipline a recommendation is for, when the screen already knows (an inbox row). */
  discipline?: string;
  /** The action went through; `message` says so ("Recommendation submitted."). */
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * One action on one issue, from any screen: the same form the issue page opens (drafts, checks,
 * errors at their fields, the CONFLICT flow), over the screen that asked for it. It reads the
 * issue and its program's people itself.
 */
export function IssueActionHost({
  issueKey,
  action,
  discipline,
  onDone,
  onCancel,
}: IssueActionHostProps) {
  const { session } = useSession();
  const viewerId = session.status === 'signedIn' ? session.user.id : null;
  const loadIssue = useCallback((signal: AbortSignal) => getIssue(issueKey, signal), [issueKey]);
  const query = useQuery(loadIssue);
  const reloadIssue = query.reload;
  // The last issue read stays on screen while a reload runs, so the form keeps its place.
  const [shown, setShown] = useState<IssueDetail | null>(null);
  if (query.status === 'success' && query.data !== shown) setShown(query.data);
  const issue = query.status === 'success' ? query.data : shown;

  const programKey = parseIssueKey(issueKey)?.programKey ?? null;
  const loadProgram = useCallback(
    (signal: AbortSignal): Promise<IssueProgram | null> =>
      programKey ? getProgramPeople(programKey, signal) : Promise.resolve(null),
    [programKey],
  );
  const program = useQuery(loadProgram);
  const programData = program.status === 'success' ? program.data : null;
  const disciplines = programData?.disciplines;
  const disciplineName = useCallback(
    (code: string) => nameOfDiscipline(code, disciplines),
    [disciplines],
  );
  const fetchFresh = useCallback(async () => {
    const fresh = await getIssue(issueKey);
    reloadIssue();
    return fresh;
  }, [issueKey, reloadIssue]);

  if (!issue) {
    return (
      <Dialog title={ACTION_BUTTON_LABELS[action]} subtitle={issueKey} onClose={onCancel}>
        {query.status === 'error' ? (
          <ErrorMessage
            title={`Could not load ${issueKey}`}
            error={query.error}
            onRetry={reloadIssue}
          />
        ) : (
          <Loading label={`Loading ${issueKey}…`} />
        )}
        <div className="issue-form__buttons">
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </Dialog>
    );
  }

  const env: FormEnv = {
    issue,
    program: programData,
    programError: program.status === 'error' ? program.error : null,
    reloadProgram: program.reload,
    viewerId,
    timeZone: issue.program.timeZone,
    disciplineName,
    loadIssue: fetchFresh,
    ...(discipline ? { discipline } : {}),
    onDone: (_change, message) => onDone(message),
    onCancel,
  };
  return <ActionDialog action={action} env={env} />;
}
