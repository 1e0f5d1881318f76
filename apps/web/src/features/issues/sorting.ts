import { ISSUE_STATUSES, type IssueStatus } from '@ipt/domain';
import type { TrackerIssue } from './api/get-issues';
import type { SortColumn, TrackerSort } from './filters';

type Compare = (a: TrackerIssue, b: TrackerIssue) => number;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const statusRank = (status: IssueStatus) => ISSUE_STATUSES.indexOf(status);

/** Program key, then the running number: HX-2 before HX-10. */
const byKey: Compare = (a, b) =>
  collator.compare(a.key.replace(/-\d+$/, ''), b.key.replace(/-\d+$/, '')) || a.number - b.number;

/** Each column's natural ascending order; empty values are handled apart (always last). */
const COMPARE: Readonly<Record<SortColumn, Compare>> = {
  key: byKey,
  title: (a, b) => collator.compare(a.title, b.title),
  status: (a, b) => statusRank(a.status) - statusRank(b.status),
  consequence: (a, b) => (a.consequence ?? 0) - (b.consequence ?? 0),
  owner: (a, b) => collator.compare(a.owner?.name ?? '', b.owner?.name ?? ''),
  team: (a, b) => collator.compare(a.currentTeam.name, b.currentTeam.name),
  raised: (a, b) => a.raisedAt.localeCompare(b.raisedAt),
  // Instants are ISO-8601 UTC text of one width, so text order is time order.
  due: (a, b) => (a.currentStageDueAt ?? '').localeCompare(b.currentStageDueAt ?? ''),
};

/** Whether an issue has nothing to sort by in this column (unrated, unassigned, no due date). */
const EMPTY: Readonly<Partial<Record<SortColumn, (issue: TrackerIssue) => boolean>>> = {
  consequence: (issue) => issue.consequence === null,
  owner: (issue) => issue.owner === null,
  due: (issue) => issue.currentStageDueAt === null,
};

/** Newest raised first, then by key: the tie-breaker that keeps every order total and stable. */
const TIE_BREAK: Compare = (a, b) => b.raisedAt.localeCompare(a.raisedAt) || byKey(a, b);

/**
 * The issues in the order the tracker shows them. Empty values (not rated, unassigned, no due
 * date) go last in either direction, so flipping a column never buries the rows that have one.
 */
export function sortIssues(issues: readonly TrackerIssue[], sort: TrackerSort): TrackerIssue[] {
  const compare = COMPARE[sort.column];
  const isEmpty = EMPTY[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...issues].sort((a, b) => {
    if (isEmpty) {
      const emptyA = isEmpty(a);
      const emptyB = isEmpty(b);
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      if (emptyA && emptyB) return TIE_BREAK(a, b);
    }
    return sign * compare(a, b) || TIE_BREAK(a, b);
  });
}
