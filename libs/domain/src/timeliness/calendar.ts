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

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Minutes the zone is ahead of UTC at an instant (negative west of Greenwich). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
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
 * When a stage that started at `start` and is allowed `days` is due: the same local time of day,
 * `days` calendar or business days later in the program's zone.
 */
export function dueAfter(start: Date, days: number, kind: DayKind, calendar: WorkCalendar): Date {
  const localDate = localDateOf(start, calendar.timeZone);
  const midnight = instantAtLocal(localDate, 0, calendar.timeZone);
  const timeOfDay = start.getTime() - midnight.getTime();
  const dueDate =
    kind === 'CALENDAR'
      ? addCalendarDays(localDate, days)
      : addBusinessDays(localDate, days, calendar);
  return instantAtLocal(dueDate, timeOfDay, calendar.timeZone);
}
