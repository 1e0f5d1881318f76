import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { AuthorityLatency } from '../api/get-timeliness';
import { authorityUrl, type Scope } from '../drill-down';
import { formatDayNumber, formatDays, formatRate } from '../format';
import { useBarLinkShape } from './BarLink';
import { AXIS_LABEL, AXIS_TICK, CHART_COLORS, CHART_MARGIN } from './chart-theme';
import { ChartPanel } from './ChartPanel';
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
  const shape = useBarLinkShape();
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
      <BarChart
        responsive
        layout="vertical"
        style={{ width: '100%', height: Math.max(180, 48 + data.length * 48) }}
        data={data}
        margin={CHART_MARGIN}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
        <XAxis
          type="number"
          tick={AXIS_TICK}
          label={{
            ...AXIS_LABEL,
            value: 'Days from ready to decided',
            position: 'bottom',
            offset: 8,
          }}
        />
        <YAxis type="category" dataKey="name" width={220} tick={AXIS_TICK} />
        <Tooltip />
        <Legend verticalAlign="top" height={28} itemSorter={null} />
        <Bar
          isAnimationActive={false}
          dataKey="p50"
          name="Median (days)"
          fill={CHART_COLORS.primary}
          shape={shape}
        />
        <Bar
          isAnimationActive={false}
          dataKey="p90"
          name="90th percentile (days)"
          fill={CHART_COLORS.secondary}
        />
      </BarChart>
    </ChartPanel>
  );
}
