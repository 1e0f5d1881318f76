import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { TrackerIssue } from '../api/get-issues';
import type { SortColumn, TrackerSort } from '../filters';
import { formatDay } from '../../../lib/dates';
import { STAGE_LABELS, TIER_NAMES, formatConsequence, formatStatus } from '../format';

/** Every row is this tall (px), so thousands of rows scroll without measuring each one. */
export const ROW_HEIGHT = 52;
/** Rows rendered beyond each edge of the visible window. */
const OVERSCAN = 20;

export const COLUMNS: readonly { column: SortColumn; label: string; className: string }[] = [
  { column: 'key', label: 'Key', className: 'issues-grid__col--key' },
  { column: 'title', label: 'Title', className: 'issues-grid__col--title' },
  { column: 'status', label: 'Status', className: 'issues-grid__col--status' },
  { column: 'consequence', label: 'Consequence', className: 'issues-grid__col--consequence' },
  { column: 'owner', label: 'Owner', className: 'issues-grid__col--owner' },
  { column: 'team', label: 'Team', className: 'issues-grid__col--team' },
  { column: 'raised', label: 'Raised', className: 'issues-grid__col--raised' },
  { column: 'due', label: 'Current stage due', className: 'issues-grid__col--due' },
];

interface IssuesTableProps {
  caption: string;
  /** How many rows the list has, loaded or not. */
  rowCount: number;
  /** The issue at a position, in display order; undefined while it is on its way. */
  rowAt: (index: number) => TrackerIssue | undefined;
  /** Hears which rows are on screen (with a margin), to fetch those it lacks. */
  onRowsShown?: (first: number, last: number) => void;
  sort: TrackerSort;
  onSort: (column: SortColumn) => void;
  /** The program's zone, in which dates are written; null until the program is known. */
  timeZone: string | null;
}

/** The program's day of an instant; nothing until the program's zone is known. */
function dayIn(iso: string, timeZone: string | null): string {
  return timeZone ? formatDay(iso, timeZone) : '…';
}

function statusClass(status: string): string {
  return `status status--${status.toLowerCase().replaceAll('_', '-')}`;
}

/**
 * The issues as a grid: a real table whose rows are virtualized (only those near the visible
 * window are in the page), announced with aria-rowcount/aria-rowindex so assistive technology
 * still knows the whole size. One key link is in the tab order; the arrow keys, Page Up/Down,
 * Home and End move between rows.
 */
export function IssuesTable({
  caption,
  rowCount,
  rowAt,
  onRowsShown,
  sort,
  onSort,
  timeZone,
}: IssuesTableProps) {
  const captionId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);

  // This app does not use the React Compiler; the virtualizer re-renders the table as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  const firstShown = first?.index ?? 0;
  const lastShown = last?.index ?? 0;
  useEffect(() => {
    onRowsShown?.(firstShown, lastShown);
  }, [onRowsShown, firstShown, lastShown]);

  // The row whose key link takes Tab: the active one while it is rendered, else the first shown.
  const rendered = (index: number) =>
    first !== undefined && last !== undefined && index >= first.index && index <= last.index;
  const active = Math.min(activeIndex, Math.max(rowCount - 1, 0));
  const tabbable = rendered(active) ? active : (first?.index ?? 0);

  // A keyboard move to a row not rendered yet: focus its link once the virtualizer renders it.
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const link = rowLink(index);
    if (link) {
      pendingFocus.current = null;
      link.focus();
    }
  });

  function rowLink(index: number): HTMLAnchorElement | null {
    return (
      scrollRef.current?.querySelector<HTMLAnchorElement>(`[data-row-index="${index}"] a`) ?? null
    );
  }

  function moveTo(index: number) {
    const target = Math.max(0, Math.min(rowCount - 1, index));
    setActiveIndex(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const link = rowLink(target);
    if (link) link.focus();
    else pendingFocus.current = target;
  }

  function handleKeyDown(event: KeyboardEvent<HTMLAnchorElement>, index: number) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rowCount - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  return (
    <div className="issues-grid-scroll" ref={scrollRef}>
      <table
        className="table issues-grid"
        role="grid"
        aria-labelledby={captionId}
        aria-rowcount={rowCount + 1}
        aria-readonly="true"
      >
        <caption id={captionId}>{caption}</caption>
        <colgroup>
          {COLUMNS.map(({ column, className }) => (
            <col key={column} className={className} />
          ))}
        </colgroup>
        <thead>
          <tr role="row" aria-rowindex={1}>
            {COLUMNS.map(({ column, label }) => {
              const sorted = sort.column === column ? sort.direction : undefined;
              return (
                <th key={column} role="columnheader" scope="col" aria-sort={sorted}>
                  <button
                    type="button"
                    className="issues-grid__sort"
                    onClick={() => onSort(column)}
                  >
                    {label}
                    <span className="issues-grid__sort-icon" aria-hidden="true">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="issues-grid__spacer">
              <td colSpan={COLUMNS.length} style={{ height: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const issue = rowAt(item.index);
            if (!issue) {
              return (
                <tr
                  key={`waiting-${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy="true"
                  data-row-index={item.index}
                  className="issues-grid__row issues-grid__row--waiting"
                >
                  <td role="gridcell" colSpan={COLUMNS.length}>
                    <span className="muted">Loading…</span>
                  </td>
                </tr>
              );
            }
            return (
              <tr
                key={issue.id}
                role="row"
                aria-rowindex={item.index + 2}
                data-row-index={item.index}
                className="issues-grid__row"
              >
                <th role="rowheader" scope="row" className="table__key">
                  <Link
                    to={`/issues/${issue.key}`}
                    data-shortcut-item=""
                    tabIndex={item.index === tabbable ? 0 : -1}
                    onFocus={() => setActiveIndex(item.index)}
                    onKeyDown={(event) => handleKeyDown(event, item.index)}
                  >
                    {issue.key}
                  </Link>
                </th>
                <td role="gridcell" title={issue.title}>
                  <span className="issues-grid__title-text">{issue.title}</span>
                </td>
                <td role="gridcell">
                  <span className={statusClass(issue.status)}>{formatStatus(issue.status)}</span>
                </td>
                <td role="gridcell">
                  {issue.consequence === null ? (
                    <span className="muted">Not rated</span>
                  ) : (
                    formatConsequence(issue.consequence)
                  )}
                </td>
                <td role="gridcell">
                  {issue.owner ? issue.owner.name : <span className="muted">Unassigned</span>}
                </td>
                <td role="gridcell">
                  <span className="issues-grid__team">
                    <span className="issues-grid__team-name" title={issue.currentTeam.name}>
                      {issue.currentTeam.name}
                    </span>{' '}
                    <abbr className="tier" title={TIER_NAMES[issue.currentTeam.tier]}>
                      {issue.currentTeam.tier}
                    </abbr>
                  </span>
                </td>
                <td role="gridcell">
                  <time dateTime={issue.raisedAt}>{dayIn(issue.raisedAt, timeZone)}</time>
                </td>
                <td role="gridcell">
                  <DueCell issue={issue} timeZone={timeZone} />
                </td>
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="issues-grid__spacer">
              <td colSpan={COLUMNS.length} style={{ height: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** The running stage's due date, with "Overdue" in words (never colour alone). */
function DueCell({ issue, timeZone }: { issue: TrackerIssue; timeZone: string | null }) {
  if (!issue.currentStage) return <span className="muted">No stage running</span>;
  const stage = STAGE_LABELS[issue.currentStage];
  if (!issue.currentStageDueAt) {
    return (
      <span className="issues-due">
        <span className="muted">No due date</span>
        <span className="issues-due__stage">{stage}</span>
      </span>
    );
  }
  return (
    <span className="issues-due">
      <span className="issues-due__date">
        <time dateTime={issue.currentStageDueAt}>{dayIn(issue.currentStageDueAt, timeZone)}</time>
        {issue.currentStageOverdue ? (
          <>
            {' '}
            <span className="issues-overdue">Overdue</span>
          </>
        ) : null}
      </span>
      <span className="issues-due__stage">{stage}</span>
    </span>
  );
}
