/**
 * The orders the issue tracker lists issues in. The API sorts and pages on the server (a program
 * of 100,000 issues cannot be sorted in a browser that has fetched one screenful); the web app
 * only names the order.
 *
 * The rule, for every column and both directions:
 * - empty values (not rated, unassigned, no current due date) come last either way, so flipping a
 *   column never buries the rows that have one;
 * - ties go newest raised first, so every order is total and pages never overlap;
 * - text (title, owner, team) compares without regard to letter case; the key compares by program
 *   key, then by running number (HX-2 before HX-10); status by its place in the lifecycle.
 */
export const IssueOrderColumn = {
  KEY: 'KEY',
  TITLE: 'TITLE',
  STATUS: 'STATUS',
  CONSEQUENCE: 'CONSEQUENCE',
  OWNER: 'OWNER',
  TEAM: 'TEAM',
  RAISED: 'RAISED',
  DUE: 'DUE',
} as const;
export type IssueOrderColumn = (typeof IssueOrderColumn)[keyof typeof IssueOrderColumn];
export const ISSUE_ORDER_COLUMNS: readonly IssueOrderColumn[] = Object.values(IssueOrderColumn);

export const SortDirection = { ASCENDING: 'ASCENDING', DESCENDING: 'DESCENDING' } as const;
export type SortDirection = (typeof SortDirection)[keyof typeof SortDirection];

export interface IssueOrder {
  readonly column: IssueOrderColumn;
  readonly direction: SortDirection;
}

/** Newest raised first: the tracker's order when none is asked for. */
export const DEFAULT_ISSUE_ORDER: IssueOrder = {
  column: IssueOrderColumn.RAISED,
  direction: SortDirection.DESCENDING,
};

/** The columns that can be empty, which sort last in either direction. */
export const NULLABLE_ORDER_COLUMNS: ReadonlySet<IssueOrderColumn> = new Set([
  IssueOrderColumn.CONSEQUENCE,
  IssueOrderColumn.OWNER,
  IssueOrderColumn.DUE,
]);

export function isDefaultIssueOrder(order: IssueOrder): boolean {
  return (
    order.column === DEFAULT_ISSUE_ORDER.column && order.direction === DEFAULT_ISSUE_ORDER.direction
  );
}
