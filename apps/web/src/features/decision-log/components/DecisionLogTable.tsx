import { Link } from 'react-router';
import { TeamName } from '../../../components/TeamName';
import { formatDateTime } from '../../../lib/dates';
import type { LogDecision } from '../api/get-decisions';
import { timelinessText, type DisciplineNameOf } from '../csv';

interface DecisionLogTableProps {
  decisions: readonly LogDecision[];
  /** How many were loaded before the free-text search narrowed them. */
  total: number;
  disciplineName: DisciplineNameOf;
}

function caption(shown: number, total: number): string {
  const what = (n: number) => (n === 1 ? '1 decision' : `${n} decisions`);
  return shown === total
    ? `Decisions, newest first: ${what(shown)}`
    : `Decisions, newest first: ${shown} of ${what(total)} match the search`;
}

export function DecisionLogTable({ decisions, total, disciplineName }: DecisionLogTableProps) {
  return (
    <div className="table-scroll">
      <table className="table log-table">
        <caption aria-live="polite">{caption(decisions.length, total)}</caption>
        <thead>
          <tr>
            <th scope="col">Decided</th>
            <th scope="col">Issue</th>
            <th scope="col">Option chosen</th>
            <th scope="col">Decided by</th>
            <th scope="col">Team</th>
            <th scope="col">Timeliness</th>
            <th scope="col">Dissent</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((decision) => {
            const dissent = decision.dissentingDisciplines.map((code) =>
              disciplineName(decision, code),
            );
            const objections = decision.nonConcurrences.length;
            return (
              <tr
                key={decision.id}
                className={decision.superseded ? 'log-row--superseded' : undefined}
              >
                <td>
                  <time dateTime={decision.decidedAt}>
                    {formatDateTime(decision.decidedAt, decision.issue.program.timeZone)}
                  </time>
                </td>
                <th scope="row" className="log-issue">
                  <Link to={`/issues/${decision.issue.key}`} className="table__key">
                    {decision.issue.key}
                  </Link>{' '}
                  {decision.issue.title}
                </th>
                <td>
                  {decision.option.label} – {decision.option.title}
                </td>
                <td>{decision.decidedBy.name}</td>
                <td>
                  <TeamName team={decision.team} />
                </td>
                <td>
                  <span className={decision.onTime === false ? 'log-late' : undefined}>
                    {timelinessText(decision.onTime ?? null)}
                  </span>
                </td>
                <td>
                  {dissent.length === 0 && objections === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <>
                      {dissent.length > 0 ? dissent.join(', ') : null}
                      {objections > 0 ? (
                        <span className="log-objections">
                          {objections === 1
                            ? '1 non-concurrence'
                            : `${objections} non-concurrences`}
                        </span>
                      ) : null}
                    </>
                  )}
                </td>
                <td>
                  {decision.superseded ? (
                    <span className="status status--closed">Superseded</span>
                  ) : (
                    <span className="status status--decided">Current</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
