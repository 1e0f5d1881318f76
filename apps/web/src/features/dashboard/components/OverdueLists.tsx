import { useState } from 'react';
import { Link } from 'react-router';
import { GraphQLRequestError } from '../../../lib/graphql';
import type { TimelinessReport } from '../api/get-timeliness';
import { nudgeHolders, type NudgeResult } from '../api/nudge';
import { formatDays } from '../format';
import { formatDay } from '../../../lib/dates';

const STAGE_WORDS: Record<string, string> = {
  TRIAGE: 'Triage',
  RECOMMENDATIONS: 'Recommendations',
  DECISION: 'Decision',
  RESOLUTION: 'Resolution',
};

type OverdueIssue = TimelinessReport['overdueIssues'][number];
type Holder = OverdueIssue['holders'][number];

/** Why the issue waits on a person, after their name. */
function holdingWords(holder: Holder): string {
  switch (holder.reason) {
    case 'RECOMMENDATION':
      return `${holder.disciplineNames.join(', ')} recommendation`;
    case 'DECISION':
      return 'decides';
    case 'OWNER':
      return 'owner';
    case 'PROGRAM_MANAGER':
      return 'program manager';
  }
}

/** "Dana Lee and Sam Ortiz", "A, B and C". */
function names(people: readonly { name: string }[]): string {
  const all = people.map((p) => p.name);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/** What a nudge did, in a sentence. */
export function nudgeOutcome(result: NudgeResult): string {
  const told = result.nudged.filter((h) => h.notified);
  const off = result.nudged.filter((h) => !h.notified);
  const parts = [
    told.length > 0 ? `Nudged ${names(told)} about ${result.issueKey}.` : '',
    off.length > 0 ? `${names(off)} turned nudges off: nothing was sent to them.` : '',
    result.alreadyNudged.length > 0
      ? `${names(result.alreadyNudged)} ${result.alreadyNudged.length === 1 ? 'was' : 'were'} already nudged today.`
      : '',
  ];
  return parts.filter(Boolean).join(' ');
}

interface OverdueListsProps {
  issues: TimelinessReport['overdueIssues'];
  /** All overdue issues; `issues` holds the most overdue of them. */
  issueCount: number;
  /** The tracker on every overdue issue. */
  allIssuesUrl: string;
  actionItems: TimelinessReport['overdueActionItems'];
  actionItemCount: number;
  timeZone: string;
  /** The viewer manages the program and the report is of now: each row offers a nudge. */
  canNudge?: boolean;
  /** The signed-in person: shown as "you" among the holders, and never nudged. */
  viewerId?: string | null;
}

/**
 * The overdue issues and action items, the most overdue first, each linking to its issue. A large
 * program has thousands: the report lists the most overdue, and says how many there are in all.
 */
export function OverdueLists({
  issues,
  issueCount,
  allIssuesUrl,
  actionItems,
  actionItemCount,
  timeZone,
  canNudge = false,
  viewerId = null,
}: OverdueListsProps) {
  const [nudging, setNudging] = useState<string | null>(null);
  const [nudged, setNudged] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const showHolders = issues.some((issue) => issue.holders.length > 0);

  async function nudge(issueKey: string) {
    setNudging(issueKey);
    setOutcome(null);
    try {
      const result = await nudgeHolders(issueKey);
      setNudged((previous) => new Set(previous).add(issueKey));
      setOutcome({ text: nudgeOutcome(result), failed: false });
    } catch (error) {
      if (error instanceof GraphQLRequestError && error.code === 'CONFLICT')
        setNudged((previous) => new Set(previous).add(issueKey));
      setOutcome({
        text: error instanceof Error ? error.message : 'The nudge could not be sent.',
        failed: true,
      });
    } finally {
      setNudging(null);
    }
  }

  return (
    <div className="dashboard-lists">
      <section className="dashboard-panel" aria-labelledby="overdue-issues">
        <h2 id="overdue-issues">Overdue issues ({issueCount.toLocaleString('en-US')})</h2>
        {issueCount > issues.length && (
          <p className="muted dashboard-panel__description">
            The {issues.length} most overdue of {issueCount.toLocaleString('en-US')}.{' '}
            <Link to={allIssuesUrl}>All overdue issues in the tracker</Link>
          </p>
        )}
        {canNudge && showHolders ? (
          <p className="muted dashboard-panel__description">
            Each issue names who holds it now, whose move it is. Nudge sends them a reminder, once a
            day each.
          </p>
        ) : null}
        <p
          className={
            outcome?.failed
              ? 'dashboard-lists__outcome dashboard-lists__outcome--failed'
              : 'dashboard-lists__outcome'
          }
          role="status"
        >
          {outcome?.text ?? ''}
        </p>
        {issues.length === 0 ? (
          <p className="dashboard-panel__empty">No issue is past its due date.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="dashboard-visually-hidden">
                Overdue issues, the most overdue first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Team</th>
                  <th scope="col">Due</th>
                  <th scope="col">Late by</th>
                  {showHolders ? <th scope="col">Waiting on</th> : null}
                </tr>
              </thead>
              <tbody>
                {issues.map((issue) => (
                  <tr key={issue.issueKey}>
                    <th scope="row">
                      <Link to={`/issues/${issue.issueKey}`}>{issue.issueKey}</Link>{' '}
                      <span className="dashboard-lists__title">{issue.title}</span>
                    </th>
                    <td>{STAGE_WORDS[issue.stage] ?? issue.stage}</td>
                    <td>
                      {issue.teamName} ({issue.tier})
                    </td>
                    <td>
                      <time dateTime={issue.dueAt}>{formatDay(issue.dueAt, timeZone)}</time>
                    </td>
                    <td>{formatDays(issue.lateByDays)}</td>
                    {showHolders ? (
                      <td>
                        <HolderCell
                          issue={issue}
                          viewerId={viewerId}
                          canNudge={canNudge}
                          busy={nudging === issue.issueKey}
                          done={nudged.has(issue.issueKey)}
                          onNudge={() => void nudge(issue.issueKey)}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="dashboard-panel" aria-labelledby="overdue-actions">
        <h2 id="overdue-actions">
          Overdue action items ({actionItemCount.toLocaleString('en-US')})
        </h2>
        {actionItemCount > actionItems.length && (
          <p className="muted dashboard-panel__description">
            The {actionItems.length} most overdue of {actionItemCount.toLocaleString('en-US')}.
          </p>
        )}
        {actionItems.length === 0 ? (
          <p className="dashboard-panel__empty">No action item is past its due date.</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="dashboard-visually-hidden">
                Overdue action items, the most overdue first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Action item</th>
                  <th scope="col">Issue</th>
                  <th scope="col">Assignee</th>
                  <th scope="col">Due</th>
                  <th scope="col">Late by</th>
                </tr>
              </thead>
              <tbody>
                {actionItems.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">{item.title}</th>
                    <td>
                      <Link to={`/issues/${item.issueKey}`}>{item.issueKey}</Link>
                    </td>
                    <td>{item.assigneeName}</td>
                    <td>
                      <time dateTime={item.dueAt}>{formatDay(item.dueAt, timeZone)}</time>
                    </td>
                    <td>{formatDays(item.lateByDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

interface HolderCellProps {
  issue: OverdueIssue;
  viewerId: string | null;
  canNudge: boolean;
  busy: boolean;
  done: boolean;
  onNudge: () => void;
}

/** Who an overdue issue waits on, and the nudge (none when it waits on the viewer alone). */
function HolderCell({ issue, viewerId, canNudge, busy, done, onNudge }: HolderCellProps) {
  const others = issue.holders.filter((h) => h.userId !== viewerId);
  return (
    <div className="dashboard-lists__holders">
      <ul className="dashboard-lists__holder-list">
        {issue.holders.map((holder) => (
          <li key={holder.userId}>
            {holder.userId === viewerId ? 'You' : holder.name}{' '}
            <span className="muted">({holdingWords(holder)})</span>
          </li>
        ))}
      </ul>
      {canNudge && others.length > 0 ? (
        <button
          type="button"
          className="button button--secondary dashboard-lists__nudge"
          onClick={onNudge}
          disabled={busy || done}
        >
          {done ? 'Nudged' : busy ? 'Nudging…' : 'Nudge'}
          <span className="dashboard-visually-hidden">
            {' '}
            {names(others)} about {issue.issueKey}
          </span>
        </button>
      ) : null}
    </div>
  );
}
