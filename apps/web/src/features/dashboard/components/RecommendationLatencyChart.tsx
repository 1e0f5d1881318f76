import type { DisciplineLatency } from '../api/get-timeliness';
import { disciplineUrl, type Scope } from '../drill-down';
import { formatDayNumber, formatDays, formatRate } from '../format';
import { latencyChartHeight } from './chart-theme';
import { ChartPanel } from './ChartPanel';
import { LatencyBarChart } from './lazy-plots';
import { TrackerLink } from './TrackerLink';

interface RecommendationLatencyChartProps {
  programKey: string;
  disciplines: readonly DisciplineLatency[];
  scope: Scope;
}

/** Request to submission per discipline, the slowest first, with how many are late. */
export function RecommendationLatencyChart({
  programKey,
  disciplines,
  scope,
}: RecommendationLatencyChartProps) {
  const data = disciplines.map((d) => {
    const summary = `${d.disciplineName}: median ${formatDays(d.p50Days)}, 90th percentile ${formatDays(d.p90Days)}, ${d.late} late, ${d.pending} pending.`;
    return {
      ...d,
      name: `${d.disciplineName} · ${d.late} late`,
      p50: d.p50Days ?? 0,
      p90: d.p90Days ?? 0,
      href: disciplineUrl(programKey, d.discipline, scope),
      linkLabel: `${summary} Open its overdue issues in the tracker.`,
    };
  });
  return (
    <ChartPanel
      title="Recommendation latency by discipline (days), slowest first"
      description="Days from the request for recommendations to each discipline’s submission: median and 90th percentile, with how many were late. Select a bar to see the overdue issues still waiting on that discipline."
      height={latencyChartHeight(data.length, 200, 44)}
      empty={disciplines.length === 0 ? 'No recommendations in the period.' : null}
      table={
        <table className="table">
          <caption>Recommendation latency by discipline</caption>
          <thead>
            <tr>
              <th scope="col">Discipline</th>
              <th scope="col">Median (days)</th>
              <th scope="col">90th percentile (days)</th>
              <th scope="col">Submitted</th>
              <th scope="col">Late</th>
              <th scope="col">Pending now</th>
              <th scope="col">On time</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.discipline}>
                <th scope="row">{d.disciplineName}</th>
                <td>{formatDayNumber(d.p50Days)}</td>
                <td>{formatDayNumber(d.p90Days)}</td>
                <td>{d.count}</td>
                <td>
                  <TrackerLink to={d.href} label={`${d.disciplineName} late: open in the tracker`}>
                    {d.late}
                  </TrackerLink>
                </td>
                <td>{d.pending}</td>
                <td>{formatRate(d.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LatencyBarChart
        data={data}
        axisLabel="Days from request to submission"
        minHeight={200}
        rowHeight={44}
      />
    </ChartPanel>
  );
}
