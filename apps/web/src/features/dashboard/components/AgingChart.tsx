import type { AgingBand } from '../api/get-timeliness';
import { agingBandUrl, type Scope } from '../drill-down';
import { formatIssues } from '../format';
import { AGING_HEIGHT } from './chart-theme';
import { ChartPanel } from './ChartPanel';
import { AgingPlot } from './lazy-plots';
import { TrackerLink } from './TrackerLink';
import { formatLocalDate } from '../../../lib/dates';

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
  const data = bands.map((band) => ({
    ...band,
    href: href(band),
    linkLabel: `${band.label} old: ${formatIssues(band.count)} (${raisedWindow(band)}). Open them in the tracker.`,
  }));
  return (
    <ChartPanel
      title="Open issues by age (issues; age in days since raised)"
      description="How many issues are still open, by how long ago they were raised. Select a bar to open those issues in the tracker."
      height={AGING_HEIGHT}
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
      <AgingPlot data={data} />
    </ChartPanel>
  );
}
