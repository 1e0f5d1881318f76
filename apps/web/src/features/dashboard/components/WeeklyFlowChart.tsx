import type { WeekCount } from '../api/get-timeliness';
import { weekClosedUrl, weekUrl, type Scope } from '../drill-down';
import { formatIssues } from '../format';
import type { LinkedDatum } from './BarLink';
import { WEEKLY_FLOW_HEIGHT } from './chart-theme';
import { ChartPanel } from './ChartPanel';
import { WeeklyFlowPlot } from './lazy-plots';
import { TrackerLink } from './TrackerLink';
import { formatLocalDate } from '../../../lib/dates';

interface WeeklyFlowChartProps {
  programKey: string;
  weeks: readonly WeekCount[];
  scope: Scope;
}

/** "9 Nov" for an axis tick. */
function shortWeek(weekStart: string): string {
  return formatLocalDate(weekStart).replace(/ \d{4}$/, '');
}

/**
 * Opened vs closed per week (the queue rate), with the overdue count at each week's end. A week is
 * drawn as two bars that open different issues, so each bar has its own link in the datum.
 */
export function WeeklyFlowChart({ programKey, weeks, scope }: WeeklyFlowChartProps) {
  const data = weeks.map((week) => {
    const weekOf = formatLocalDate(week.weekStart);
    const openedLink: LinkedDatum = {
      href: weekUrl(programKey, week.weekStart, scope),
      linkLabel: `Week of ${weekOf}: ${formatIssues(week.opened)} opened, ${week.closed} closed, ${week.overdue} overdue at the week’s end. Open the issues raised that week in the tracker.`,
    };
    const closedLink: LinkedDatum = {
      href: weekClosedUrl(programKey, week.weekStart, scope),
      linkLabel: `Week of ${weekOf}: ${formatIssues(week.closed)} closed (resolved, closed or withdrawn). Open the issues closed that week in the tracker.`,
    };
    return { ...week, week: shortWeek(week.weekStart), openedLink, closedLink };
  });
  return (
    <ChartPanel
      title="Opened vs closed per week (issues per week)"
      description="Issues raised and issues closed (resolved, closed or withdrawn) each week (weeks start on Monday), and how many were overdue at each week’s end. Select a bar to see the issues opened or closed that week in the tracker."
      height={WEEKLY_FLOW_HEIGHT}
      empty={weeks.length === 0 ? 'No weeks in the period.' : null}
      table={
        <table className="table">
          <caption>Opened vs closed per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Opened</th>
              <th scope="col">Closed</th>
              <th scope="col">Overdue at week’s end</th>
            </tr>
          </thead>
          <tbody>
            {data.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">{formatLocalDate(week.weekStart)}</th>
                <td>
                  <TrackerLink
                    to={week.openedLink.href}
                    label={`issues raised the week of ${formatLocalDate(week.weekStart)}`}
                  >
                    {week.opened}
                  </TrackerLink>
                </td>
                <td>
                  <TrackerLink
                    to={week.closedLink.href}
                    label={`issues closed (resolved, closed or withdrawn) the week of ${formatLocalDate(week.weekStart)}`}
                  >
                    {week.closed}
                  </TrackerLink>
                </td>
                <td>{week.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <WeeklyFlowPlot data={data} />
    </ChartPanel>
  );
}
