import type { Ref } from 'react';
import { Link } from 'react-router';
import type { IssueDetail } from '../api/get-issue';
import { currentStageDue } from '../due';
import { TIER_NAMES, formatConsequence, formatImpactArea, formatStatus } from '../format';
import { formatDateTime } from '../../../lib/dates';

interface IssueHeaderProps {
  issue: IssueDetail;
  now: Date;
  headingRef: Ref<HTMLHeadingElement>;
}

function statusClass(status: string): string {
  return `status status--${status.toLowerCase().replaceAll('_', '-')}`;
}

/** When an issue that no longer runs a stage came to rest. */
function endedFact(issue: IssueDetail): { label: string; at: string } | null {
  if (issue.withdrawnAt) return { label: 'Withdrawn', at: issue.withdrawnAt };
  if (issue.closedAt) return { label: 'Closed', at: issue.closedAt };
  if (issue.resolvedAt) return { label: 'Resolved', at: issue.resolvedAt };
  return null;
}

export function IssueHeader({ issue, now, headingRef }: IssueHeaderProps) {
  const tz = issue.program.timeZone;
  const due = currentStageDue(issue, now);
  const ended = due ? null : endedFact(issue);
  return (
    <header className="issue-header">
      <nav aria-label="Breadcrumb" className="issue-breadcrumb">
        <Link to={`/issues?program=${encodeURIComponent(issue.program.key)}`}>
          {issue.program.key} issues
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{issue.key}</span>
      </nav>
      <h1 ref={headingRef} tabIndex={-1} className="issue-header__title">
        <span className="issue-header__key">{issue.key}</span> {issue.title}
      </h1>
      <dl className="issue-facts">
        <div className="issue-facts__item">
          <dt>Status</dt>
          <dd>
            <span className={statusClass(issue.status)}>{formatStatus(issue.status)}</span>
          </dd>
        </div>
        <div className="issue-facts__item">
          <dt>Consequence</dt>
          <dd>{formatConsequence(issue.consequence)}</dd>
        </div>
        <div className="issue-facts__item">
          <dt>Impact area</dt>
          <dd>{formatImpactArea(issue.impactArea)}</dd>
        </div>
        <div className="issue-facts__item">
          <dt>Owner</dt>
          <dd>{issue.owner ? issue.owner.name : <span className="muted">Unassigned</span>}</dd>
        </div>
        <div className="issue-facts__item">
          <dt>Team</dt>
          <dd>
            {issue.currentTeam.name}{' '}
            <abbr className="tier" title={TIER_NAMES[issue.currentTeam.tier]}>
              {issue.currentTeam.tier}
            </abbr>
          </dd>
        </div>
        {due ? (
          <div className="issue-facts__item">
            <dt>{due.label}</dt>
            <dd>
              <time dateTime={due.dueAt}>{formatDateTime(due.dueAt, tz)}</time>{' '}
              <span className={due.overdue ? 'issue-due issue-due--overdue' : 'issue-due'}>
                {due.text}
              </span>
            </dd>
          </div>
        ) : null}
        {ended ? (
          <div className="issue-facts__item">
            <dt>{ended.label}</dt>
            <dd>
              <time dateTime={ended.at}>{formatDateTime(ended.at, tz)}</time>
            </dd>
          </div>
        ) : null}
        <div className="issue-facts__item">
          <dt>Raised</dt>
          <dd>
            {issue.raisedBy.name},{' '}
            <time dateTime={issue.raisedAt}>{formatDateTime(issue.raisedAt, tz)}</time>
          </dd>
        </div>
      </dl>
    </header>
  );
}
