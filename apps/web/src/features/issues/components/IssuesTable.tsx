import type { IssueListItem } from '../api/types';
import { TIER_NAMES, formatConsequence, formatDate, formatStatus } from '../format';

interface IssuesTableProps {
  caption: string;
  issues: readonly IssueListItem[];
}

function statusClass(status: string): string {
  return `status status--${status.toLowerCase().replaceAll('_', '-')}`;
}

export function IssuesTable({ caption, issues }: IssuesTableProps) {
  if (issues.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">No issues yet</p>
        <p>When someone raises an issue here, it will be listed on this page.</p>
      </div>
    );
  }

  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Consequence</th>
            <th scope="col">Owner</th>
            <th scope="col">Team</th>
            <th scope="col">Raised</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr key={issue.id}>
              <th scope="row" className="table__key">
                {issue.key}
              </th>
              <td>{issue.title}</td>
              <td>
                <span className={statusClass(issue.status)}>{formatStatus(issue.status)}</span>
              </td>
              <td>{formatConsequence(issue.consequence)}</td>
              <td>{issue.owner ? issue.owner.name : <span className="muted">Unassigned</span>}</td>
              <td>
                {issue.currentTeam.name}{' '}
                <abbr className="tier" title={TIER_NAMES[issue.currentTeam.tier]}>
                  {issue.currentTeam.tier}
                </abbr>
              </td>
              <td>
                <time dateTime={issue.raisedAt}>{formatDate(issue.raisedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
