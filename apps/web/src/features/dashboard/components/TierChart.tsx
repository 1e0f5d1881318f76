import { TIER_NAMES, type Tier } from '@ipt/domain';
import type { TierDwell, TimelinessReport } from '../api/get-timeliness';
import { tierUrl, type Scope } from '../drill-down';
import { formatDayNumber, formatDays, formatIssues, formatRate } from '../format';
import { TIER_HEIGHT } from './chart-theme';
import { ChartPanel } from './ChartPanel';
import { TierPlot } from './lazy-plots';
import { TrackerLink } from './TrackerLink';

interface TierChartProps {
  programKey: string;
  dwell: readonly TierDwell[];
  decisions: TimelinessReport['decisionLatencyByTier'];
  scope: Scope;
}

/** The tier view: how many issues sit at each tier now, and for how long. */
export function TierChart({ programKey, dwell, decisions, scope }: TierChartProps) {
  const decidedAt = new Map(decisions.map((d) => [d.tier, d]));
  const data = dwell.map((t) => ({
    ...t,
    name: t.tier,
    caption: `${t.open} · median ${formatDays(t.openAge.p50Days)} there`,
    href: tierUrl(programKey, t.tier as Tier, scope),
    linkLabel: `${t.tier} (${TIER_NAMES[t.tier as Tier] ?? t.tier}): ${formatIssues(t.open)} open here, for a median of ${formatDays(t.openAge.p50Days)} so far. Open them in the tracker.`,
  }));
  return (
    <ChartPanel
      title="Issues at each tier (issues), and for how long (days)"
      description="Open issues sitting at each tier of the ladder now; each label gives the median days they have sat there. The table adds completed stays and decision latency per tier. Select a bar to see that tier’s open issues."
      height={TIER_HEIGHT}
      empty={dwell.length === 0 ? 'No tiers to show.' : null}
      table={
        <table className="table">
          <caption>Issues at each tier</caption>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Open issues</th>
              <th scope="col">Open for, median / 90th (days)</th>
              <th scope="col">Completed stays, median / 90th (days)</th>
              <th scope="col">Decision latency, median / 90th (days)</th>
              <th scope="col">Decisions on time</th>
            </tr>
          </thead>
          <tbody>
            {data.map((t) => {
              const decided = decidedAt.get(t.tier);
              return (
                <tr key={t.tier}>
                  <th scope="row">{t.tier}</th>
                  <td>
                    <TrackerLink to={t.href} label={`open at ${t.tier}: open in the tracker`}>
                      {t.open}
                    </TrackerLink>
                  </td>
                  <td>
                    {formatDayNumber(t.openAge.p50Days)} / {formatDayNumber(t.openAge.p90Days)}
                  </td>
                  <td>
                    {formatDayNumber(t.completed.p50Days)} / {formatDayNumber(t.completed.p90Days)}
                  </td>
                  <td>
                    {formatDayNumber(decided?.p50Days)} / {formatDayNumber(decided?.p90Days)}
                  </td>
                  <td>{formatRate(decided?.onTimeRate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      }
    >
      <TierPlot data={data} />
    </ChartPanel>
  );
}
