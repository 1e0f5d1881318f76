import { addCalendarDays, weekday } from './calendar';

/**
 * The United States federal holidays of a year as federal offices observe them (5 U.S.C. 6103):
 * a holiday on a Saturday is observed the Friday before, one on a Sunday the Monday after. IPTs
 * are government program offices, so this is the calendar a new program starts from; the program
 * manager edits it in set-up (local holidays, a base's family days).
 */
export function usFederalHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1971 || year > 9998)
    throw new RangeError(`year must be a whole number from 1971 to 9998, not ${year}`);
  const fixed = (month: number, day: number) => observed(isoDate(year, month, day));
  const holidays = [
    fixed(1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.: third Monday of January
    nthWeekday(year, 2, 1, 3), // Washington's Birthday: third Monday of February
    lastWeekday(year, 5, 1), // Memorial Day: last Monday of May
    ...(year >= 2021 ? [fixed(6, 19)] : []), // Juneteenth, a federal holiday since 2021
    fixed(7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day: first Monday of September
    nthWeekday(year, 10, 1, 2), // Columbus Day: second Monday of October
    fixed(11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day: fourth Thursday of November
    fixed(12, 25), // Christmas Day
  ];
  // New Year's Day on a Saturday is observed on 31 December of the year before; keep each year's
  // list to its own dates so that consecutive years can be joined without repeats.
  return holidays.filter((date) => date.startsWith(`${year}-`)).concat(nextNewYearsEve(year));
}

/** The federal holidays of every year from `fromYear` to `toYear`, in order, each once. */
export function usFederalHolidaysBetween(fromYear: number, toYear: number): string[] {
  const days: string[] = [];
  for (let year = fromYear; year <= toYear; year++) days.push(...usFederalHolidays(year));
  return [...new Set(days)].sort();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function observed(date: string): string {
  const day = weekday(date);
  if (day === 6) return addCalendarDays(date, -1);
  if (day === 0) return addCalendarDays(date, 1);
  return date;
}

/** The `n`th given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, day: number, n: number): string {
  const first = isoDate(year, month, 1);
  const offset = (day - weekday(first) + 7) % 7;
  return addCalendarDays(first, offset + (n - 1) * 7);
}

/** The last given weekday of a month. */
function lastWeekday(year: number, month: number, day: number): string {
  const nextMonthFirst = month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1);
  const last = addCalendarDays(nextMonthFirst, -1);
  return addCalendarDays(last, -((weekday(last) - day + 7) % 7));
}

/** 31 December when the next New Year's Day falls on a Saturday and is observed then. */
function nextNewYearsEve(year: number): string[] {
  return weekday(isoDate(year + 1, 1, 1)) === 6 ? [isoDate(year, 12, 31)] : [];
}
