import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { AgingBand } from '../api/get-timeliness';
import { agingBandUrl, type Scope } from '../drill-down';
import { formatIssues, formatLocalDate } from '../format';
import { AXIS_LABEL, AXIS_TICK, CHART_COLORS, CHART_MARGIN } from './chart-theme';
import { ChartPanel } from './ChartPanel';
import { useBarLinkShape } from './BarLink';
import { TrackerLink } from './TrackerLink';

interface AgingChartProps {
  programKey: string;
  bands: readonly AgingBand[];
  scope: Scope;
}

function raisedWindow(band: AgingBand): string {
  if (band.maxDays === null) return `raised on or before ${formatLocalDate(band.raisedTo ?? '')}`;
  return `raised ${formatLocalDate(band.raisedFrom)} to ${formatLocalDate(band.raisedTo ?? band.raisedFrom)}`;
}

/** Open issues by age since raised, in the aging bands (0-7, 8-15, 16-30, 31-60, >60 days). */
export function AgingChart({ programKey, bands, scope }: AgingChartProps) {
  const href = (band: AgingBand) => agingBandUrl(programKey, band, scope);
  const shape = useBarLinkShape();
  const data = bands.map((band) => ({
    ...band,
    href: href(band),
    linkLabel: `${band.label} old: ${formatIssues(band.count)} (${raisedWindow(band)}). Open them in the tracker.`,
  }));
  return (
    <ChartPanel
      title="Open issues by age (issues; age in days since raised)"
      description="How many issues are still open, by how long ago they were raised. Select a bar to open those issues in the tracker."
      empty={bands.length === 0 ? 'No open issues to show.' : null}
      table={
        <table className="table">
          <caption>Open issues by age</caption>
          <thead>
            <tr>
              <th scope="col">Age</th>
              <th scope="col">Raised</th>
              <th scope="col">Open issues</th>
            </tr>
          </thead>
          <tbody>
            {bands.map((band) => (
              <tr key={band.label}>
                <th scope="row">{band.label}</th>
                <td>{raisedWindow(band)}</td>
                <td>
                  <TrackerLink to={href(band)} label={`${band.label}: open in the tracker`}>
                    {band.count}
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
        style={{ width: '100%', height: 260 }}
        data={data}
        margin={CHART_MARGIN}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="label"
          tick={AXIS_TICK}
          label={{ ...AXIS_LABEL, value: 'Age since raised (days)', position: 'bottom', offset: 8 }}
        />
        <YAxis
          allowDecimals={false}
          tick={AXIS_TICK}
          label={{ ...AXIS_LABEL, value: 'Open issues', angle: -90, position: 'insideLeft' }}
        />
        <Tooltip formatter={(value) => [value, 'Open issues']} />
        <Bar
          isAnimationActive={false}
          dataKey="count"
          name="Open issues"
          fill={CHART_COLORS.primary}
          shape={shape}
        />
      </BarChart>
    </ChartPanel>
  );
}
