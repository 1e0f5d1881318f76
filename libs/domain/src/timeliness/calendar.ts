/**
 * Calendar arithmetic in a program's time zone (storage is UTC; day boundaries and business days
 * are the program's). Local dates are ISO strings `YYYY-MM-DD`; no Date leaks a server's zone.
 */
export interface WorkCalendar {
  /** IANA zone, e.g. America/New_York. */
  readonly timeZone: string;
  /** Local dates that are not business days even on a weekday. */
  readonly holidays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;

const HOUR_MS = 3_600_000;

/**
 * One formatter per zone, made once: `new Intl.DateTimeFormat` costs about half a millisecond
 * (it loads the zone's rules), and a report asks for offsets hundreds of times (ADR 23).
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, as before; nothing is kept then.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset in milliseconds at the whole second of `instant`, read from its rules. */
function offsetMsFromRules(instant: number, timeZone: string): number {
  const second = Math.floor(instant / 1000) * 1000;
  const parts = offsetFormatter(timeZone).formatToParts(new Date(instant));
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        sec = Number(part.value);
        break;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, sec) - second;
}

/**
 * Offsets per zone per UTC hour: an hour whose first and last second have the same offset has it
 * throughout (zones change offset at most once in an hour), so it is read from the rules twice
 * and then from this map; an hour with a change in it (NaN here) is read from the rules every time.
 */
const offsetsByHour = new Map<string, Map<number, number>>();
/** A bound on what one zone keeps: about eleven years of hours, then it starts again. */
const MAX_HOURS_KEPT = 100_000;

function zoneOffsetMs(instant: number, timeZone: string): number {
  if (!Number.isFinite(instant)) return offsetMsFromRules(instant, timeZone);
  let hours = offsetsByHour.get(timeZone);
  if (!hours) {
    offsetFormatter(timeZone); // an unknown zone throws here, before anything is kept
    hours = new Map();
    offsetsByHour.set(timeZone, hours);
  }
  const hour = Math.floor(instant / HOUR_MS);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = offsetMsFromRules(hour * HOUR_MS, timeZone);
    const last = offsetMsFromRules(hour * HOUR_MS + HOUR_MS - 1000, timeZone);
    offset = first === last ? first : NaN;
    if (hours.size >= MAX_HOURS_KEPT) hours.clear();
    hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? offsetMsFromRules(instant, timeZone) : offset;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const at = instant.getTime();
  if (Number.isFinite(at)) {
    // The wall clock is the instant plus the zone's offset (whole seconds in every zone's rules).
    const wall = new Date(Math.floor(at / 1000) * 1000 + zoneOffsetMs(at, timeZone));
    const year = wall.getUTCFullYear();
    if (year >= 1000 && year <= 9999) return wall.toISOString().slice(0, 10);
  }
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * An instant as RFC 3339 in a zone's wall-clock time, with that zone's offset at the instant
 * (2026-03-02T09:00:00-05:00): what a program's exports carry, readable and still exact.
 */
export function localDateTimeOf(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${wall.toISOString().slice(0, 19)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  return Math.round(zoneOffsetMs(instant.getTime(), timeZone) / 60_000);
}

/** The instant at which the zone's wall clock shows `localDate` at the given time of day. */
export function instantAtLocal(localDate: string, millisOfDay: number, timeZone: string): Date {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day) + millisOfDay;
  // Two passes settle the offset, also across a daylight-saving change.
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

export function addCalendarDays(localDate: string, days: number): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekday(localDate: string): number {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function isBusinessDay(
  localDate: string,
  calendar: Pick<WorkCalendar, 'holidays'>,
): boolean {
  const day = weekday(localDate);
  return day !== 0 && day !== 6 && !calendar.holidays.has(localDate);
}

/**
 * The local date `days` business days after `localDate` (which itself need not be one). Whole
 * weeks are jumped at once (five weekdays in every seven days, less the holidays among them), so
 * long policies stay cheap; the rest is stepped a day at a time.
 */
export function addBusinessDays(
  localDate: string,
  days: number,
  calendar: Pick<WorkCalendar, 'holidays'>,
): string {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a whole number >= 0, not ${days}`);
  let date = localDate;
  let remaining = days;
  while (remaining > 5) {
    const weeks = Math.floor((remaining - 1) / 5);
    const target = addCalendarDays(date, weeks * 7);
    let holidaysInRange = 0;
    for (const holiday of calendar.holidays) {
      if (holiday > date && holiday <= target && weekday(holiday) !== 0 && weekday(holiday) !== 6)
        holidaysInRange++;
    }
    remaining -= weeks * 5 - holidaysInRange;
    date = target;
  }
  while (remaining > 0) {
    date = addCalendarDays(date, 1);
    if (isBusinessDay(date, calendar)) remaining--;
  }
  return date;
}

export type DayKind = 'CALENDAR' | 'BUSINESS';

/**
 * The time of day at which a deadline given as a day falls: its last millisecond, 23:59:59.999 in
 * the program's zone. Hand-set and policy due dates share it, so "due 12 Mar" means the same
 * instant whoever set it (docs/adr/0026-deadlines-end-of-working-day.md).
 */
export const END_OF_DAY_MS = DAY_MS - 1;

/** The instant a deadline on `localDate` falls due: the end of that day in the zone. */
export function endOfLocalDay(localDate: string, timeZone: string): Date {
  return instantAtLocal(localDate, END_OF_DAY_MS, timeZone);
}

/** `localDate` itself when it is a business day, else the first business day after it. */
export function businessDayOnOrAfter(
  localDate: string,
  calendar: Pick<WorkCalendar, 'holidays'>,
): string {
  let date = localDate;
  while (!isBusinessDay(date, calendar)) date = addCalendarDays(date, 1);
  return date;
}

/**
 * The local date a stage that started on `startDate` and is allowed `days` is due: calendar days
 * count every day, as the program chose; business days skip weekends and the program's holidays.
 */
export function dueDateAfter(
  startDate: string,
  days: number,
  kind: DayKind,
  calendar: Pick<WorkCalendar, 'holidays'>,
): string {
  if (kind === 'CALENDAR') return addCalendarDays(startDate, days);
  // A stage allowed no business days that starts on a Saturday is due on Monday, not that Saturday.
  return businessDayOnOrAfter(addBusinessDays(startDate, days, calendar), calendar);
}

/**
 * When a stage that started at `start` and is allowed `days` is due: the end of the working day
 * `days` calendar or business days later in the program's zone.
 */
export function dueAfter(start: Date, days: number, kind: DayKind, calendar: WorkCalendar): Date {
  const startDate = localDateOf(start, calendar.timeZone);
  return endOfLocalDay(dueDateAfter(startDate, days, kind, calendar), calendar.timeZone);
}
