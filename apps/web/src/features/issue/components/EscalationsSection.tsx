import type { IssueDetail } from '../api/get-issue';
import { formatDateTime } from '../../../lib/dates';

export function EscalationsSection({ issue }: { issue: IssueDetail }) {
  const tz = issue.program.timeZone;
  return (
    <section className="issue-section" aria-labelledby="issue-escalations-title">
      <h2 id="issue-escalations-title">Escalations</h2>
      {issue.escalations.length === 0 ? (
        <p className="issue-empty">
          Not escalated: it is with {issue.originTeam.name} ({issue.originTeam.tier}), where it was
          raised.
        </p>
      ) : (
        <ol className="issue-escalations">
          {issue.escalations.map((escalation) => (
            <li key={escalation.id} className="issue-escalation">
              <p className="issue-escalation__move">
                <strong>
                  {escalation.fromTier} → {escalation.toTier}
                </strong>{' '}
                <span className="issue-meta">
                  {escalation.fromTeam.name} → {escalation.toTeam.name}
                </span>
              </p>
              <p className="issue-text">{escalation.reason}</p>
              <p className="issue-meta">
                {escalation.source === 'POLICY' || !escalation.escalatedBy
                  ? 'By policy (timeliness)'
                  : `By ${escalation.escalatedBy.name}`}{' '}
                ·{' '}
                <time dateTime={escalation.escalatedAt}>
                  {formatDateTime(escalation.escalatedAt, tz)}
                </time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
