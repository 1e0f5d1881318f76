import type { IssueStatus } from '@ipt/domain';
import type { StatusCount } from '../api/get-issue-counts';
import { formatNumber, formatStatus } from '../format';
import type { KeptQueryResult } from '../hooks/use-kept-query';

interface StatusCountsProps {
  counts: KeptQueryResult<StatusCount[] | null>;
  /** The status filter now in force (empty: every status). */
  selected: readonly IssueStatus[];
  /** Filter by one status; null for every status. */
  onSelect: (status: IssueStatus | null) => void;
}

/**
 * How many issues each status holds under the other filters, each a toggle button that filters
 * the table to it ("All" clears the status filter).
 */
export function StatusCounts({ counts, selected, onSelect }: StatusCountsProps) {
  if (counts.status === 'error') {
    return (
      <div className="issues-counts issues-counts--error" role="alert">
        <span>Could not count the issues by status: {counts.error.message}</span>
        <button type="button" className="button button--secondary" onClick={counts.reload}>
          Count again
        </button>
      </div>
    );
  }
  const data = counts.status === 'success' ? counts.data : null;
  const total = data?.reduce((sum, entry) => sum + entry.count, 0);
  const only = selected.length === 1 ? selected[0] : null;

  return (
    <div
      className="issues-counts"
      role="group"
      aria-label="Issues by status"
      aria-busy={counts.status === 'loading' || counts.refreshing}
    >
      <button
        type="button"
        className="issues-count"
        aria-pressed={selected.length === 0}
        onClick={() => onSelect(null)}
      >
        All{' '}
        <span className="issues-count__number">
          {total === undefined ? '…' : formatNumber(total)}
        </span>
      </button>
      {(data ?? []).map((entry) => (
        <button
          key={entry.status}
          type="button"
          className={`issues-count issues-count--${entry.status.toLowerCase().replaceAll('_', '-')}`}
          aria-pressed={only === entry.status}
          onClick={() => onSelect(only === entry.status ? null : entry.status)}
        >
          {formatStatus(entry.status)}{' '}
          <span className="issues-count__number">{formatNumber(entry.count)}</span>
        </button>
      ))}
      {data === null ? <span className="muted issues-counts__pending">Counting…</span> : null}
    </div>
  );
}
