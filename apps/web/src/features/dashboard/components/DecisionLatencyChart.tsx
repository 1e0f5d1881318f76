import type { AuthorityLatency } from '../api/get-timeliness';
import { authorityUrl, type Scope } from '../drill-down';
import { formatDayNumber, formatDays, formatRate } from '../format';
import { latencyChartHeight } from './chart-theme';
import { ChartPanel } from './ChartPanel';
import { LatencyBarChart } from './lazy-plots';
import { TrackerLink } from './TrackerLink';

interface DecisionLatencyChartProps {
  programKey: string;
  authorities: readonly AuthorityLatency[];
  scope: Scope;
}

function authorityName(a: AuthorityLatency): string {
  return a.authorityNames.length ? `${a.teamName} (${a.authorityNames.join(', ')})` : a.teamName;
}

/** Ready to decided per decision authority (the deciding team), the slowest first. */
export function DecisionLatencyChart({
  programKey,
  authorities,
  scope,
}: DecisionLatencyChartProps) {
  const data = authorities.map((a) => ({
    ...a,
    name: `${a.teamName} · ${a.pending} waiting`,
    p50: a.p50Days ?? 0,
    p90: a.p90Days ?? 0,
    href: authorityUrl(programKey, a.teamId, scope),
    linkLabel: `${authorityName(a)}: median ${formatDays(a.p50Days)}, 90th percentile ${formatDays(a.p90Days)}, ${formatRate(a.onTimeRate)} on time, ${a.pending} awaiting decision. Open those in the tracker.`,
  }));
  return (
    <ChartPanel
      title="Decision latency by authority (days), slowest first"
      description="Days from ready for decision to decided, per deciding team: median and 90th percentile. Select a bar to see the issues awaiting that authority’s decision."
      height={latencyChartHeight(data.length, 180, 48)}
      empty={authorities.length === 0 ? 'No decisions in the period.' : null}
      table={
        <table className="table">
          <caption>Decision latency by authority</caption>
          <thead>
            <tr>
              <th scope="col">Authority</th>
              <th scope="col">Tier</th>
              <th scope="col">Median (days)</th>
              <th scope="col">90th percentile (days)</th>
              <th scope="col">Decided</th>
              <th scope="col">On time</th>
              <th scope="col">Awaiting decision</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.teamId}>
                <th scope="row">{authorityName(a)}</th>
                <td>{a.tier}</td>
                <td>{formatDayNumber(a.p50Days)}</td>
                <td>{formatDayNumber(a.p90Days)}</td>
                <td>{a.count}</td>
                <td>{formatRate(a.onTimeRate)}</td>
                <td>
                  <TrackerLink to={a.href} label={`awaiting ${a.teamName}: open in the tracker`}>
                    {a.pending}
                  </TrackerLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <LatencyBarChart
        data={data}
        axisLabel="Days from ready to decided"
        minHeight={180}
        rowHeight={48}
      />
    </ChartPanel>
  );
}
