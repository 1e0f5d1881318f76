import { Link } from 'react-router';
import type { TimelinessReport } from '../api/get-timeliness';
import { formatDayInZone, formatDays } from '../format';

const STAGE_WORDS: Record<string, string> = {
  TRIAGE: 'Triage',
  RECOMMENDATIONS: 'Recommendations',
  DECISION: 'Decision',
  RESOLUTION: 'Resolution',
};

interface OverdueListsProps {
  issues: TimelinessReport['overdueIssues'];
  /** All overdue issues; `issues` holds the most overdue of them. */
  issueCount: number;
  /** The tracker on every overdue issue. */
  allIssuesUrl: string;
  actionItems: TimelinessReport['overdueActionItems'];
  actionItemCount: number;
  timeZone: string;
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
}: OverdueListsProps) {
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
                      <time dateTime={issue.dueAt}>{formatDayInZone(issue.dueAt, timeZone)}</time>
                    </td>
                    <td>{formatDays(issue.lateByDays)}</td>
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
                      <time dateTime={item.dueAt}>{formatDayInZone(item.dueAt, timeZone)}</time>
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
