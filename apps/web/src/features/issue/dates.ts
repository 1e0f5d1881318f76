import { DUE_DATE_STAGES, dueDateOrderProblems, type DueDateStage } from '@ipt/domain';

/**
 * Dates people pick (a calendar day) and the instants the API stores. A due date picked as a day
 * means the end of that day in the program's time zone, so everyone on the program shares it.
 */

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: number, timeZone: string) {
  const parts = partsFormat(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at an instant, in ms (New York in winter: -5 h). */
function zoneOffset(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-03-12" -> the ISO instant of 23:59:59.999 that day in `timeZone`; null if not a day. */
export function endOfDayInZone(day: string, timeZone: string): string | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999);
  if (Number.isNaN(wall)) return null;
  // Twice: the offset at the guessed instant may differ across a daylight-saving change.
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An ISO instant as the calendar day ("2026-03-12") it falls on in `timeZone`. */
export function dayInZone(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return '';
  const { year, month, day } = wallClock(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The due-date order problems of days picked in a form (the rule is @ipt/domain's, the one the API
 * applies), by field: only the stages in `manual`, the ones a person set, are compared.
 */
export function dueDayProblems(
  days: Readonly<Partial<Record<DueDateStage, string>>>,
  manual: ReadonlySet<DueDateStage>,
  timeZone: string,
): Record<string, string> {
  const instants: Partial<Record<DueDateStage, Date | null>> = {};
  for (const stage of DUE_DATE_STAGES) {
    const instant = endOfDayInZone(days[stage] ?? '', timeZone);
    instants[stage] = instant ? new Date(instant) : null;
  }
  return Object.fromEntries(
    dueDateOrderProblems(instants, manual, timeZone).map((p) => [p.field, p.message]),
  );
}
