import type { TimelinessReport } from '../api/get-timeliness';
import { Link } from 'react-router';
import { awaitingDecisionUrl, openUrl, overdueUrl, type Scope } from '../drill-down';
import { formatRate, weeksBetween } from '../format';
import { headlineCards } from '../headline';
import { AgingChart } from './AgingChart';
import { DecisionLatencyChart } from './DecisionLatencyChart';
import { ForecastTable } from './ForecastTable';
import { HeadlineCards } from './HeadlineCards';
import { OverdueLists } from './OverdueLists';
import { RecommendationLatencyChart } from './RecommendationLatencyChart';
import { TierChart } from './TierChart';
import { WeeklyFlowChart } from './WeeklyFlowChart';
import { formatDay } from '../../../lib/dates';

interface DashboardReportProps {
  report: TimelinessReport;
  scope: Scope;
  /** The viewer manages this program: overdue issues offer a nudge (in a report of now). */
  canNudge?: boolean;
  viewerId?: string | null;
}

/** Every figure of one timeliness report: headline, charts, overdue lists and forecasts. */
export function DashboardReport({
  report,
  scope,
  canNudge = false,
  viewerId = null,
}: DashboardReportProps) {
  const programKey = report.programKey;
  const weeks = weeksBetween(report.from, report.to);
  return (
    <div className="dashboard" data-computed-from={report.computedFrom}>
      <p className="muted dashboard__period">
        Measured over {formatDay(report.from, report.timeZone)} to{' '}
        {formatDay(report.to, report.timeZone)} ({weeks} {weeks === 1 ? 'week' : 'weeks'}),{' '}
        {report.computedFrom === 'EVENT_REPLAY'
          ? 'rebuilt from the event log'
          : 'from the current records'}
        ; days are calendar days. Resolved at WIPT level: {formatRate(report.wiptResolutionShare)}.
      </p>
      <HeadlineCards
        cards={headlineCards(report)}
        links={{ open: openUrl(programKey, scope), overdue: overdueUrl(programKey, scope) }}
      />
      <div className="dashboard__grid">
        <AgingChart programKey={programKey} bands={report.aging} scope={scope} />
        <WeeklyFlowChart programKey={programKey} weeks={report.weekly} scope={scope} />
        <RecommendationLatencyChart
          programKey={programKey}
          disciplines={report.recommendationLatency}
          scope={scope}
        />
        <DecisionLatencyChart
          programKey={programKey}
          authorities={report.decisionLatencyByAuthority}
          scope={scope}
        />
        <TierChart
          programKey={programKey}
          dwell={report.tierDwell}
          decisions={report.decisionLatencyByTier}
          scope={scope}
        />
      </div>
      <section
        className="dashboard-panel dashboard-panel--wide"
        aria-labelledby="dashboard-forecasts"
      >
        <h2 id="dashboard-forecasts">Pending decisions and their forecasts</h2>
        <p className="muted dashboard-panel__description">
          When each decision waiting now is likely to land, from the deciding authority’s own past
          decisions (or its tier’s, or the program’s, when it has too few).
          {report.forecastCount > report.forecasts.length && (
            <>
              {' '}
              The {report.forecasts.length} soonest of{' '}
              {report.forecastCount.toLocaleString('en-US')}.{' '}
              <Link to={awaitingDecisionUrl(programKey, scope)}>
                All issues awaiting a decision in the tracker
              </Link>
            </>
          )}
        </p>
        <ForecastTable
          caption="Pending decisions, soonest first"
          forecasts={report.forecasts}
          timeZone={report.timeZone}
          empty="No decision is waiting."
        />
      </section>
      <OverdueLists
        issues={report.overdueIssues}
        issueCount={report.overdueIssueCount}
        allIssuesUrl={overdueUrl(programKey, scope)}
        actionItems={report.overdueActionItems}
        actionItemCount={report.overdueActionItemCount}
        timeZone={report.timeZone}
        canNudge={canNudge && report.computedFrom === 'CURRENT_STATE'}
        viewerId={viewerId}
      />
    </div>
  );
}
