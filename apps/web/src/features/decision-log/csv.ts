import { localDateOf, localDateTimeOf } from '@ipt/domain';
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
  'Time zone',
  'Issue',
  'Title',
  'Option',
  'Option title',
  'Decided by',
  'Team',
  'Tier',
  'Due at',
  'Timeliness',
  'Rationale',
  'Conditions',
  'Action items',
  'Dissenting disciplines',
  'Non-concurrences',
  'Status',
] as const;

/** "Title (Assignee, due 2026-03-20, done 2026-03-18)", days in the program's time zone. */
function actionItemText(item: LogDecision['actionItems'][number], timeZone: string): string {
  const due = `due ${localDateOf(new Date(item.dueAt), timeZone)}`;
  const done = item.doneAt ? `, done ${localDateOf(new Date(item.doneAt), timeZone)}` : '';
  return `${item.title} (${item.assignee.name}, ${due}${done})`;
}

export function timelinessText(onTime: boolean | null): string {
  if (onTime === null) return 'No due date';
  return onTime ? 'On time' : 'Late';
}

/** The name the decision's program gives a discipline code. */
export type DisciplineNameOf = (decision: LogDecision, code: string) => string;

/**
 * The log's rows, header first: the decision's whole record (rationale, conditions, action
 * items), every date and time in its program's time zone, written RFC 3339 with the offset
 * (2026-03-02T09:00:00-05:00) and the zone named in its own column.
 */
export function decisionLogCsv(
  decisions: readonly LogDecision[],
  disciplineName: DisciplineNameOf,
): string {
  return toCsv([
    [...DECISION_LOG_COLUMNS],
    ...decisions.map((d) => [
      localDateTimeOf(new Date(d.decidedAt), d.issue.program.timeZone),
      d.issue.program.timeZone,
      d.issue.key,
      d.issue.title,
      d.option.label,
      d.option.title,
      d.decidedBy.name,
      d.team.name,
      d.team.tier,
      d.dueAt ? localDateTimeOf(new Date(d.dueAt), d.issue.program.timeZone) : '',
      timelinessText(d.onTime ?? null),
      d.rationale,
      d.conditions ?? '',
      d.actionItems.map((item) => actionItemText(item, d.issue.program.timeZone)).join('; '),
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
