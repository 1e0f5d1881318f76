import type { IssueDetail, IssueRecommendation } from '../api/get-issue';
import { formatDuration } from '../due';
import { CoverageTable } from './CoverageTable';
import { formatDateTime } from '../../../lib/dates';

interface RecommendationsSectionProps {
  issue: IssueDetail;
  now: Date;
  disciplineName: (code: string) => string;
}

function lateBy(recommendation: IssueRecommendation, dueAt: string | null): string | null {
  if (!dueAt) return null;
  const late = new Date(recommendation.submittedAt).getTime() - new Date(dueAt).getTime();
  return late > 0 ? `Late by ${formatDuration(late)}` : null;
}

function RecommendationCard({
  recommendation,
  issue,
  disciplineName,
}: {
  recommendation: IssueRecommendation;
  issue: IssueDetail;
  disciplineName: (code: string) => string;
}) {
  const tz = issue.program.timeZone;
  const late = lateBy(recommendation, issue.dueDates.recommendations);
  return (
    <article
      className={recommendation.superseded ? 'issue-card issue-card--superseded' : 'issue-card'}
      aria-labelledby={`recommendation-${recommendation.id}`}
    >
      <h3 id={`recommendation-${recommendation.id}`} className="issue-card__title">
        {disciplineName(recommendation.discipline)}
        {recommendation.superseded ? ' (superseded)' : ''}: favours option{' '}
        {recommendation.option.label} – {recommendation.option.title}
      </h3>
      <p className="issue-meta">
        {recommendation.author.name} ·{' '}
        <time dateTime={recommendation.submittedAt}>
          {formatDateTime(recommendation.submittedAt, tz)}
        </time>{' '}
        · {recommendation.team.name} ({recommendation.team.tier})
        {late ? <span className="issue-badge issue-badge--late">{late}</span> : null}
        {recommendation.supersededAt ? (
          <>
            {' '}
            · superseded{' '}
            <time dateTime={recommendation.supersededAt}>
              {formatDateTime(recommendation.supersededAt, tz)}
            </time>
          </>
        ) : null}
      </p>
      <dl className="issue-dl">
        <dt>Rationale</dt>
        <dd className="issue-text">{recommendation.rationale}</dd>
        {recommendation.impactAssessment ? (
          <>
            <dt>Impact assessment</dt>
            <dd className="issue-text">{recommendation.impactAssessment}</dd>
          </>
        ) : null}
        {recommendation.alternatives ? (
          <>
            <dt>Alternatives</dt>
            <dd className="issue-text">{recommendation.alternatives}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

export function RecommendationsSection({
  issue,
  now,
  disciplineName,
}: RecommendationsSectionProps) {
  const current = issue.recommendations.filter((r) => !r.superseded);
  const superseded = issue.recommendations.filter((r) => r.superseded);
  return (
    <section className="issue-section" aria-labelledby="issue-recommendations-title">
      <h2 id="issue-recommendations-title">Recommendations</h2>
      <CoverageTable issue={issue} now={now} disciplineName={disciplineName} />
      {current.length === 0 ? (
        <p className="issue-empty">No discipline has recommended yet.</p>
      ) : (
        <div className="issue-cards">
          {current.map((recommendation) => (
            <RecommendationCard
              key={recommendation.id}
              recommendation={recommendation}
              issue={issue}
              disciplineName={disciplineName}
            />
          ))}
        </div>
      )}
      {superseded.length > 0 ? (
        <details className="issue-details">
          <summary>Superseded recommendations ({superseded.length})</summary>
          <div className="issue-cards">
            {superseded.map((recommendation) => (
              <RecommendationCard
                key={recommendation.id}
                recommendation={recommendation}
                issue={issue}
                disciplineName={disciplineName}
              />
            ))}
          </div>
        </details>
      ) : null}
    </section>
  );
}
