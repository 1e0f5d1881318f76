/**
 * Figures in words, with their units: days, issues, percentages. Local dates (YYYY-MM-DD) are
 * the program's calendar days and are written "1 Mar 2026" whatever the reader's zone.
 */

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US');

/** "4 days", "1 day", "2.5 days"; "no data" for null. */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return 'no data';
  const rounded = Math.round(days * 10) / 10;
  return `${oneDecimal.format(rounded)} ${rounded === 1 ? 'day' : 'days'}`;
}

/** Days as a bare number for chart axes and table cells: "4", "2.5"; "–" for null. */
export function formatDayNumber(days: number | null | undefined): string {
  if (days === null || days === undefined) return '–';
  return oneDecimal.format(Math.round(days * 10) / 10);
}

/** A 0-1 fraction as "91%"; "no data" for null. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return 'no data';
  return `${Math.round(rate * 100)}%`;
}

/** "1 issue", "14 issues". */
export function formatIssues(count: number): string {
  return `${whole.format(count)} ${count === 1 ? 'issue' : 'issues'}`;
}

/** Whole weeks between two instants, for "the previous 12 weeks". */
export function weeksBetween(fromIso: string, toIso: string): number {
  const ms = new Date(toIso).getTime() - new Date(fromIso).getTime();
  return Math.max(1, Math.round(ms / (7 * 86_400_000)));
}
