import { Link } from 'react-router';
import { formatDays } from '../../dashboard';
import { formatDay } from '../../../lib/dates';
import type { MyDecision } from '../api/get-my-decision-timeliness';
import { decisionMargin } from '../margin';

/** My decisions, newest first, each decided before or after its due date (and by how much). */
export function DecisionTimelinessTable({
  decisions,
  timeZone,
}: {
  decisions: readonly MyDecision[];
  timeZone: string;
}) {
  if (decisions.length === 0) {
    return <p className="dashboard-panel__empty">You have not recorded a decision yet.</p>;
  }
  const day = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDay(iso, timeZone)}</time> : '–';
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="dashboard-visually-hidden">My decisions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col">Tier</th>
            <th scope="col">Decided</th>
            <th scope="col">Due</th>
            <th scope="col">Against the due date</th>
            <th scope="col">Ready to decided</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((d) => {
            const margin = decisionMargin(d.marginDays ?? null);
            return (
              <tr key={`${d.issueKey}-${d.decidedAt}`}>
                <th scope="row">
                  <Link to={`/issues/${d.issueKey}`}>{d.issueKey}</Link>{' '}
                  <span className="dashboard-lists__title">{d.title}</span>
                </th>
                <td>{d.tier}</td>
                <td>{day(d.decidedAt)}</td>
                <td>{day(d.dueAt ?? null)}</td>
                <td>
                  <span
                    className={
                      margin.verdict === 'LATE'
                        ? 'leadership-margin--late'
                        : margin.verdict === 'ON_TIME'
                          ? 'leadership-margin--on-time'
                          : undefined
                    }
                  >
                    {margin.verdict === 'LATE'
                      ? 'Late: '
                      : margin.verdict === 'ON_TIME'
                        ? 'On time: '
                        : ''}
                    {margin.words}
                  </span>
                </td>
                <td>
                  {d.latencyDays === null || d.latencyDays === undefined
                    ? '–'
                    : formatDays(d.latencyDays)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
