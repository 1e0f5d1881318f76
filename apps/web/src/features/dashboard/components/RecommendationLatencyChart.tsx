import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DisciplineLatency } from '../api/get-timeliness';
import { disciplineUrl, type Scope } from '../drill-down';
import { formatDayNumber, formatDays, formatRate } from '../format';
import { useBarLinkShape } from './BarLink';
import { AXIS_LABEL, AXIS_TICK, CHART_COLORS, CHART_MARGIN } from './chart-theme';
import { ChartPanel } from './ChartPanel';
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
  const shape = useBarLinkShape();
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
      <BarChart
        responsive
        layout="vertical"
        style={{ width: '100%', height: Math.max(200, 48 + data.length * 44) }}
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
            value: 'Days from request to submission',
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
