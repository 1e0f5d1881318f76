import type { LogDecision } from './api/get-decisions';

/**
 * CSV as RFC 4180 has it: comma-separated, CRLF between records, a field quoted when it holds a
 * comma, quote, line break or edge space, quotes inside doubled. A field a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR at its start) gets a leading apostrophe, so opening an export
 * can never execute what someone typed into an issue title (OWASP "CSV injection").
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const DECISION_LOG_COLUMNS = [
  'Decided at',
  'Issue',
  'Title',
  'Option',
  'Option title',
  'Decided by',
  'Team',
  'Tier',
  'Timeliness',
  'Dissenting disciplines',
  'Non-concurrences',
  'Status',
] as const;

export function timelinessText(onTime: boolean | null): string {
  if (onTime === null) return 'No due date';
  return onTime ? 'On time' : 'Late';
}

/** The name the decision's program gives a discipline code. */
export type DisciplineNameOf = (decision: LogDecision, code: string) => string;

/** The log's rows as the table shows them (instants in ISO 8601 UTC), header first. */
export function decisionLogCsv(
  decisions: readonly LogDecision[],
  disciplineName: DisciplineNameOf,
): string {
  return toCsv([
    [...DECISION_LOG_COLUMNS],
    ...decisions.map((d) => [
      d.decidedAt,
      d.issue.key,
      d.issue.title,
      d.option.label,
      d.option.title,
      d.decidedBy.name,
      d.team.name,
      d.team.tier,
      timelinessText(d.onTime ?? null),
      d.dissentingDisciplines.map((code) => disciplineName(d, code)).join('; '),
      String(d.nonConcurrences.length),
      d.superseded ? 'Superseded' : 'Current',
    ]),
  ]);
}

/** decision-log-2026-03-02.csv, for the calendar day of `date` in the reader's time zone. */
export function csvFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `decision-log-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.csv`;
}

/** Hands the text to the browser as a download (with a BOM so spreadsheets read UTF-8). */
export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
