import { useCallback, useId, useState, type ReactNode } from 'react';
import { WhenVisible } from '../../../components/WhenVisible';

interface ChartPanelProps {
  /** The chart's title, with its units: "Open issues by age (issues)". */
  title: string;
  /** What the chart shows and how to use it, for everyone (and its accessible description). */
  description: string;
  /** The same numbers as a table. */
  table: ReactNode;
  /** The chart itself: a lazily loaded plot (lazy-plots.ts), rendered once scrolled into view. */
  children: ReactNode;
  /** The chart's height in pixels, held for it until it renders. */
  height: number;
  /** Nothing to draw: the message instead of chart and table. */
  empty?: string | null;
}

/**
 * A chart with its title, units and description, and a "Show as table" toggle giving the same
 * numbers (and the same tracker links) as a table. Title, description and table come with the
 * page; the chart's code loads, and the chart renders, only once it nears the viewport (ADR 0021).
 */
export function ChartPanel({
  title,
  description,
  table,
  children,
  height,
  empty = null,
}: ChartPanelProps) {
  const titleId = useId();
  const descriptionId = useId();
  const [asTable, setAsTable] = useState(false);
  const [seen, setSeen] = useState(false);
  const markSeen = useCallback(() => setSeen(true), []);
  return (
    <section className="dashboard-panel" aria-labelledby={titleId}>
      <div className="dashboard-panel__header">
        <h2 id={titleId}>{title}</h2>
        {empty ? null : (
          <button
            type="button"
            className="button button--secondary dashboard-panel__toggle"
            aria-pressed={asTable}
            onClick={() => setAsTable((shown) => !shown)}
          >
            {asTable ? 'Show as chart' : 'Show as table'}
          </button>
        )}
      </div>
      <p id={descriptionId} className="muted dashboard-panel__description">
        {description}
      </p>
      {empty ? (
        <p className="dashboard-panel__empty">{empty}</p>
      ) : asTable ? (
        <div className="table-scroll">{table}</div>
      ) : (
        <figure
          className="dashboard-chart"
          aria-labelledby={titleId}
          aria-describedby={descriptionId}
        >
          <WhenVisible height={height} seen={seen} onSeen={markSeen}>
            {children}
          </WhenVisible>
        </figure>
      )}
    </section>
  );
}
