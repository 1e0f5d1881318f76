import type { IssueDecision, IssueDetail } from '../api/get-issue';
import { ActionItemsTable, type ActionItemControls } from './ActionItemsTable';
import { formatDateTime } from '../../../lib/dates';

interface DecisionsSectionProps {
  issue: IssueDetail;
  now: Date;
  disciplineName: (code: string) => string;
  actionItems: ActionItemControls;
}

function timeliness(decision: IssueDecision, timeZone: string): string {
  if (decision.onTime === null || !decision.dueAt) return 'No decision due date was set';
  const due = formatDateTime(decision.dueAt, timeZone);
  return decision.onTime ? `On time (due ${due})` : `Late (due ${due})`;
}

function DecisionCard({
  decision,
  issue,
  now,
  disciplineName,
  actionItems,
}: {
  decision: IssueDecision;
  issue: IssueDetail;
  now: Date;
  disciplineName: (code: string) => string;
  actionItems: ActionItemControls;
}) {
  const tz = issue.program.timeZone;
  const titleId = `decision-${decision.id}`;
  return (
    <article
      className={decision.superseded ? 'issue-decision issue-card--superseded' : 'issue-decision'}
      aria-labelledby={titleId}
    >
      <h3 id={titleId} className="issue-card__title">
        {decision.superseded ? 'Superseded decision' : 'Decision in force'}: option{' '}
        {decision.option.label} – {decision.option.title}
      </h3>
      <div className="issue-decision__body">
        <dl className="issue-dl issue-decision__record">
          <dt>Rationale</dt>
          <dd className="issue-text">{decision.rationale}</dd>
          <dt>Conditions</dt>
          <dd className="issue-text">
            {decision.conditions || <span className="muted">None</span>}
          </dd>
          <dt>Decided by</dt>
          <dd>
            {decision.decidedBy.name}, {decision.team.name} ({decision.tier})
          </dd>
          <dt>Decided at</dt>
          <dd>
            <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt, tz)}</time>
          </dd>
          <dt>Timeliness</dt>
          <dd>
            <span
              className={
                decision.onTime === false ? 'issue-lateness issue-lateness--late' : 'issue-lateness'
              }
            >
              {timeliness(decision, tz)}
            </span>
          </dd>
          {decision.supersededAt ? (
            <>
              <dt>Superseded</dt>
              <dd>
                <time dateTime={decision.supersededAt}>
                  {formatDateTime(decision.supersededAt, tz)}
                </time>
              </dd>
            </>
          ) : null}
        </dl>
        <aside
          className="issue-dissent"
          aria-label={`Dissent from the decision of ${formatDateTime(decision.decidedAt, tz)}`}
        >
          <h4>Dissent</h4>
          <p>
            {decision.dissentingDisciplines.length > 0
              ? `Favoured another option: ${decision.dissentingDisciplines.map(disciplineName).join(', ')}.`
              : 'Every recommending discipline favoured this option.'}
          </p>
          <h4>Non-concurrences</h4>
          {decision.nonConcurrences.length === 0 ? (
            <p className="muted">None filed.</p>
          ) : (
            <ul className="issue-non-concurrences">
              {decision.nonConcurrences.map((nc) => (
                <li key={nc.id}>
                  <p className="issue-meta">
                    <strong>{nc.author.name}</strong> ({disciplineName(nc.discipline)}) ·{' '}
                    <time dateTime={nc.filedAt}>{formatDateTime(nc.filedAt, tz)}</time>
                  </p>
                  <p className="issue-text">{nc.rationale}</p>
                  {nc.impacts ? (
                    <p className="issue-text">
                      <span className="issue-label">Impacts: </span>
                      {nc.impacts}
                    </p>
                  ) : null}
                  <p className="issue-meta">
                    {nc.reviewTeam
                      ? `For review by ${nc.reviewTeam.name} (${nc.reviewTeam.tier})`
                      : 'No tier above to review it'}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      <ActionItemsTable decision={decision} issue={issue} now={now} controls={actionItems} />
    </article>
  );
}

export function DecisionsSection({
  issue,
  now,
  disciplineName,
  actionItems,
}: DecisionsSectionProps) {
  const inForce = issue.decisions.filter((d) => !d.superseded);
  const superseded = issue.decisions.filter((d) => d.superseded).reverse();
  return (
    <section className="issue-section" aria-labelledby="issue-decision-title">
      <h2 id="issue-decision-title">Decision</h2>
      {issue.decisions.length === 0 ? (
        <p className="issue-empty">
          {issue.readyAt && issue.status === 'AWAITING_DECISION'
            ? `No decision yet. Ready for decision since ${formatDateTime(issue.readyAt, issue.program.timeZone)}.`
            : 'No decision yet.'}
        </p>
      ) : null}
      {inForce.map((decision) => (
        <DecisionCard
          key={decision.id}
          decision={decision}
          issue={issue}
          now={now}
          disciplineName={disciplineName}
          actionItems={actionItems}
        />
      ))}
      {superseded.length > 0 ? (
        <details className="issue-details">
          <summary>Superseded decisions ({superseded.length})</summary>
          {superseded.map((decision) => (
            <DecisionCard
              key={decision.id}
              decision={decision}
              issue={issue}
              now={now}
              disciplineName={disciplineName}
              actionItems={actionItems}
            />
          ))}
        </details>
      ) : null}
    </section>
  );
}
