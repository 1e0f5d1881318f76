import { ErrorCode, parseIssueKey } from '@ipt/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { toRequestError, type GraphQLRequestError } from '../../lib/graphql';
import { useIssueActivity } from '../../lib/live';
import { useQuery } from '../../lib/use-query';
import { useSession } from '../auth';
import { mayComment, type IssueAction } from './actions';
import { completeActionItem } from './api/complete-action-item';
import { getIssue, type IssueDetail } from './api/get-issue';
import { getProgramPeople, type IssueProgram } from './api/get-program-people';
import type { IssueChange } from './api/types';
import { ActionBar } from './components/ActionBar';
import { ActionDialog } from './components/ActionDialog';
import { CommentsSection } from './components/CommentsSection';
import { DecisionsSection } from './components/DecisionsSection';
import { EscalationsSection } from './components/EscalationsSection';
import type { FormEnv } from './components/form-env';
import { IssueHeader } from './components/IssueHeader';
import { OptionsSection } from './components/OptionsSection';
import { RecommendationsSection } from './components/RecommendationsSection';
import { TimelineSection } from './components/TimelineSection';
import { TimelinessSection } from './components/TimelinessSection';
import { disciplineName as nameOfDiscipline } from './format';
import { activityMessage } from './timeline';
import './styles';
import { useNow } from '../../lib/dates';

const APP_NAME = 'IPT Coordination Dashboard';
/** How long a change stays announced on screen. */
const ANNOUNCEMENT_MS = 8000;

/** Codes that mean "there is no such issue for you": shown as not found, not as a failure. */
function isNotFound(error: GraphQLRequestError): boolean {
  return (
    error.code === ErrorCode.NOT_FOUND ||
    error.code === ErrorCode.FORBIDDEN ||
    error.code === ErrorCode.BAD_USER_INPUT
  );
}

function findActionItem(issue: IssueDetail, itemId: string) {
  for (const decision of issue.decisions) {
    const item = decision.actionItems.find((candidate) => candidate.id === itemId);
    if (item) return item;
  }
  return undefined;
}

/**
 * One issue, where all three kinds of user work on it: the record (condition, options, coverage,
 * recommendations, decisions, escalations, discussion, history) and exactly the actions the
 * signed-in person may take. It follows live changes without losing what a form holds.
 */
export function IssuePage() {
  const params = useParams();
  const key = (params['key'] ?? '').trim().toUpperCase();
  const { session } = useSession();
  const viewer = session.status === 'signedIn' ? session.user : null;
  const now = useNow();

  const loadIssue = useCallback((signal: AbortSignal) => getIssue(key, signal), [key]);
  const query = useQuery(loadIssue);
  const reloadIssue = query.reload;

  // Keep showing the last issue loaded while a reload runs, so open forms keep their input.
  const [shown, setShown] = useState<IssueDetail | null>(null);
  if (query.status === 'success' && query.data !== shown) setShown(query.data);
  const issue = query.status === 'success' ? query.data : shown && shown.key === key ? shown : null;

  const programKey = parseIssueKey(key)?.programKey ?? null;
  const loadProgram = useCallback(
    (signal: AbortSignal): Promise<IssueProgram | null> =>
      programKey ? getProgramPeople(programKey, signal) : Promise.resolve(null),
    [programKey],
  );
  const program = useQuery(loadProgram);
  const programData = program.status === 'success' ? program.data : null;

  const [openAction, setOpenAction] = useState<IssueAction | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [completing, setCompleting] = useState<string | null>(null);
  const [completeError, setCompleteError] = useState<{ itemId: string; message: string } | null>(
    null,
  );
  // Set when an action went through: the issue shown then, to compare with the reloaded one.
  const refocusAfter = useRef<IssueDetail | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Changes this browser made: their live echo is not announced a second time.
  const ownVersions = useRef(new Set<number>());
  const ownComments = useRef(0);

  useIssueActivity({ issueKey: key }, (activity) => {
    reloadIssue();
    if (activity.type === 'COMMENT_ADDED') {
      if (ownComments.current > 0 && activity.actorName === viewer?.name) {
        ownComments.current -= 1;
        return;
      }
    } else if (ownVersions.current.delete(activity.version)) {
      return;
    }
    setAnnouncement(activityMessage(activity));
  });

  // The announcement stays on screen for a while, then the toast clears (the region stays).
  useEffect(() => {
    if (!announcement) return undefined;
    const timer = window.setTimeout(() => setAnnouncement(''), ANNOUNCEMENT_MS);
    return () => window.clearTimeout(timer);
  }, [announcement]);

  // A link to a part of the page (the palette's decisions: #decision-<id>) lands on it once the
  // issue is in: the browser's own jump happened before the page had drawn it.
  const { hash } = useLocation();
  const jumped = useRef('');
  const issueKey = issue?.key ?? null;
  useEffect(() => {
    if (!issueKey || !hash || jumped.current === issueKey + hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    jumped.current = issueKey + hash;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [issueKey, hash]);

  // After an action, focus returns to its button; if the reload took the button away, to the
  // heading, so keyboard users are not dropped at the top of the document.
  useEffect(() => {
    if (!refocusAfter.current || openAction !== null || issue === refocusAfter.current) return;
    refocusAfter.current = null;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) heading.current?.focus();
  }, [openAction, issue]);

  const disciplines = programData?.disciplines;
  const disciplineName = useCallback(
    (code: string) => nameOfDiscipline(code, disciplines),
    [disciplines],
  );

  const fetchFresh = useCallback(async () => {
    const fresh = await getIssue(key);
    reloadIssue();
    return fresh;
  }, [key, reloadIssue]);

  function changed(change: IssueChange, message: string) {
    ownVersions.current.add(change.version);
    setAnnouncement(message);
    reloadIssue();
  }

  async function complete(itemId: string) {
    if (!issue) return;
    setCompleting(itemId);
    setCompleteError(null);
    let version = issue.version;
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          changed(
            await completeActionItem({ issueKey: issue.key, actionItemId: itemId, version }),
            'Action item marked done.',
          );
          break;
        } catch (caught) {
          const failure = toRequestError(caught);
          // Stale version: if the item is still open, nothing the person saw about it changed.
          if (failure.code !== ErrorCode.CONFLICT || failure.field || attempt > 0) throw failure;
          const fresh = await fetchFresh();
          const item = findActionItem(fresh, itemId);
          if (!item || item.doneAt) {
            throw new Error('Someone else marked it done meanwhile.', { cause: caught });
          }
          version = fresh.version;
        }
      }
    } catch (caught) {
      const failure = caught instanceof Error ? caught : toRequestError(caught);
      setCompleteError({ itemId, message: failure.message });
      reloadIssue();
    }
    setCompleting(null);
  }

  if (!issue) {
    if (query.status === 'error') {
      if (isNotFound(query.error)) return <IssueNotFound issueKey={key} error={query.error} />;
      return (
        <>
          <title>{`${key} · ${APP_NAME}`}</title>
          <h1>{key}</h1>
          <ErrorMessage
            title="Could not load the issue"
            error={query.error}
            onRetry={reloadIssue}
          />
        </>
      );
    }
    return (
      <>
        <title>{`${key} · ${APP_NAME}`}</title>
        <Loading label={`Loading ${key}…`} />
      </>
    );
  }
  if (query.status === 'error' && isNotFound(query.error)) {
    return <IssueNotFound issueKey={key} error={query.error} />;
  }

  const env: FormEnv = {
    issue,
    program: programData,
    programError: program.status === 'error' ? program.error : null,
    reloadProgram: program.reload,
    viewerId: viewer?.id ?? null,
    timeZone: issue.program.timeZone,
    disciplineName,
    loadIssue: fetchFresh,
    onDone: (change, message) => {
      refocusAfter.current = issue;
      changed(change, message);
      setOpenAction(null);
    },
    onCancel: () => setOpenAction(null),
  };

  return (
    <>
      <title>{`${issue.key} ${issue.title} · ${APP_NAME}`}</title>
      <div className="issue-page" inert={openAction !== null}>
        <IssueHeader issue={issue} now={now} headingRef={heading} />
        <ActionBar viewerActions={issue.viewerActions} onOpen={setOpenAction} />
        {query.status === 'error' ? (
          <ErrorMessage
            title="Could not refresh the issue"
            error={query.error}
            onRetry={reloadIssue}
          />
        ) : null}
        <TimelinessSection issue={issue} now={now} />
        <div className="issue-layout">
          <div className="issue-layout__main">
            <section className="issue-section" aria-labelledby="issue-condition-title">
              <h2 id="issue-condition-title">Condition</h2>
              <p className="issue-text issue-condition">{issue.conditionStatement}</p>
              <p className="issue-meta">
                Raised at {issue.originTeam.name} ({issue.originTeam.tier}) by {issue.raisedBy.name}
                .
              </p>
            </section>
            <OptionsSection issue={issue} disciplineName={disciplineName} />
            <RecommendationsSection issue={issue} now={now} disciplineName={disciplineName} />
            <DecisionsSection
              issue={issue}
              now={now}
              disciplineName={disciplineName}
              actionItems={{
                viewerId: viewer?.id ?? null,
                viewerRole: programData?.myRole,
                busyId: completing,
                error: completeError,
                onComplete: (itemId) => void complete(itemId),
              }}
            />
            <CommentsSection
              issue={issue}
              viewerId={viewer?.id ?? null}
              mayComment={mayComment(issue.viewerActions)}
              onCommented={() => {
                ownComments.current += 1;
                setAnnouncement('Comment added.');
                reloadIssue();
              }}
            />
          </div>
          <div className="issue-layout__aside">
            <EscalationsSection issue={issue} />
            <TimelineSection issue={issue} disciplineName={disciplineName} />
          </div>
        </div>
      </div>
      <p
        className={announcement ? 'issue-live' : 'issue-live issue-live--empty'}
        role="status"
        aria-live="polite"
      >
        {announcement}
      </p>
      {openAction ? <ActionDialog key={openAction} action={openAction} env={env} /> : null}
    </>
  );
}

function IssueNotFound({ issueKey, error }: { issueKey: string; error: GraphQLRequestError }) {
  return (
    <>
      <title>{`Issue not found · ${APP_NAME}`}</title>
      <div className="empty-state issue-not-found">
        <h1 className="empty-state__title">Issue {issueKey} not found</h1>
        <p>{error.message}</p>
        <p>
          It may not exist, or it belongs to a program you are not a member of.{' '}
          <Link to="/issues">Back to the issues</Link>
        </p>
      </div>
    </>
  );
}
