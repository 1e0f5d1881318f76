import {
  CONSEQUENCE_LABELS,
  DEFAULT_DISCIPLINES,
  type ImpactArea,
  IMPACT_AREA_LABELS,
  isConsequence,
  IssueStatus,
  STATUS_LABELS,
  TIER_NAMES,
} from '@ipt/domain';

export function formatStatus(status: string): string {
  return STATUS_LABELS[status as IssueStatus] ?? status;
}

/** "4 – Significant"; an untriaged issue is not rated yet. */
export function formatConsequence(consequence: number | null): string {
  if (consequence === null) return 'Not rated';
  return isConsequence(consequence)
    ? `${consequence} – ${CONSEQUENCE_LABELS[consequence]}`
    : String(consequence);
}

export function formatImpactArea(area: string): string {
  return IMPACT_AREA_LABELS[area as ImpactArea] ?? area;
}

export interface DisciplineRef {
  readonly code: string;
  readonly name: string;
}

/** A discipline's name from the program's catalog, then the default one, else its code. */
export function disciplineName(code: string, disciplines: readonly DisciplineRef[] = []): string {
  return (
    disciplines.find((d) => d.code === code)?.name ??
    DEFAULT_DISCIPLINES.find((d) => d.code === code)?.name ??
    code
  );
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(undefined, options);
    }
    cache.set(timeZone, format);
  }
  return format;
}

/** "Mar 12, 2026, 11:59 PM EDT": a date-time in the program's time zone, which it names. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(dateTimeFormats, timeZone, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** "Mar 12, 2026" in the program's time zone. */
export function formatDay(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(dateFormats, timeZone, { dateStyle: 'medium' }).format(date);
}

// One definition, in libs/domain; re-exported for this screen's existing imports.
export { IMPACT_AREA_LABELS, STATUS_LABELS, TIER_NAMES };
