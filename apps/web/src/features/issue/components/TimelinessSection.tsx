import { DecisionForecast, StageClocks } from '../../timeliness';
import type { IssueDetail } from '../api/get-issue';

interface TimelinessSectionProps {
  issue: IssueDetail;
  now: Date;
}

/** Where the issue stands against its program's timeliness policy: clocks, and the forecast. */
export function TimelinessSection({ issue, now }: TimelinessSectionProps) {
  const timeZone = issue.program.timeZone;
  return (
    <section className="issue-section issue-timeliness" aria-labelledby="issue-timeliness-title">
      <h2 id="issue-timeliness-title">Stage clocks</h2>
      <p className="issue-meta">Dates in {timeZone} time.</p>
      <StageClocks
        clocks={issue.stageClocks}
        timeZone={timeZone}
        now={now}
        label={`Stage clocks of ${issue.key}`}
      />
      {issue.decisionForecast ? (
        <div className="issue-timeliness__forecast">
          <h3 id="issue-forecast-title">Decision forecast</h3>
          <DecisionForecast forecast={issue.decisionForecast} timeZone={timeZone} />
        </div>
      ) : null}
    </section>
  );
}
