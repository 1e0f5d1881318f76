import { formatDay, formatLocalDate } from '../../../lib/dates';

interface AsOfBannerProps {
  /** The replayed local date; null shows nothing (the figures are live). */
  asOf: string | null;
  computedFrom: 'CURRENT_STATE' | 'EVENT_REPLAY' | null;
  /** The measured period, for the line under the banner. */
  period: { from: string; to: string; timeZone: string } | null;
  onBackToNow: () => void;
}

/** Says loudly that the dashboard shows the past, how it was rebuilt, and how to come back. */
export function AsOfBanner({ asOf, computedFrom, period, onBackToNow }: AsOfBannerProps) {
  if (!asOf) return null;
  const how =
    computedFrom === 'EVENT_REPLAY'
      ? 'rebuilt from the event log'
      : computedFrom === 'CURRENT_STATE'
        ? 'from the current records'
        : 'rebuilding…';
  return (
    <aside className="dashboard-banner" aria-label="Replaying the past">
      <p className="dashboard-banner__title" role="status">
        As of {formatLocalDate(asOf)} — {how}
      </p>
      <p className="dashboard-banner__detail">
        Every figure below is as it stood at the end of that day
        {period
          ? `, over the period ${formatDay(period.from, period.timeZone)} to ${formatDay(period.to, period.timeZone)}`
          : ''}
        . The tracker links show the issues as they are today.
      </p>
      <button type="button" className="button button--secondary" onClick={onBackToNow}>
        Back to today
      </button>
    </aside>
  );
}
