import type { IssueDetail } from '../api/get-issue';
import { coverageRows } from '../coverage';
import { formatDateTime } from '../../../lib/dates';

interface CoverageTableProps {
  issue: IssueDetail;
  now: Date;
  disciplineName: (code: string) => string;
}

/** For each required discipline: recommended, waived or pending; who, when, what, and on time. */
export function CoverageTable({ issue, now, disciplineName }: CoverageTableProps) {
  const tz = issue.program.timeZone;
  if (issue.coverage.length === 0) {
    return (
      <p className="issue-empty">
        No required disciplines yet: triage sets which disciplines must weigh in.
      </p>
    );
  }
  const rows = coverageRows(issue.coverage, issue.dueDates.recommendations, now);
  return (
    <div className="table-scroll" role="region" aria-label="Discipline coverage" tabIndex={0}>
      <table className="table issue-coverage">
        <caption>Discipline coverage</caption>
        <thead>
          <tr>
            <th scope="col">Discipline</th>
            <th scope="col">State</th>
            <th scope="col">By</th>
            <th scope="col">When</th>
            <th scope="col">Favoured option</th>
            <th scope="col">Timeliness</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.discipline}>
              <th scope="row">{disciplineName(row.discipline)}</th>
              <td>
                <span className={`issue-state issue-state--${row.state.toLowerCase()}`}>
                  {row.stateLabel}
                </span>
              </td>
              <td>{row.who ? row.who.name : <span className="muted">—</span>}</td>
              <td>
                {row.when ? (
                  <time dateTime={row.when}>{formatDateTime(row.when, tz)}</time>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {row.favouredOption ? (
                  `${row.favouredOption.label} – ${row.favouredOption.title}`
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                <span className={`issue-lateness issue-lateness--${row.lateness.kind}`}>
                  {row.lateness.text}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
