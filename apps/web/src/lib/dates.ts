import {
  addCalendarDays,
  dateTimeInWords,
  dayInWords,
  endOfLocalDay,
  instantAtLocal,
  isCalendarDay,
  localDateOf,
} from '@ipt/domain';
import { createContext, useContext, useEffect, useState } from 'react';

/**
 * Every date and time the web shows, filters by or exports: in the program's time zone, named,
 * written one way ("3 Dec 2026", "3 Dec 2026, 14:05 EST"), so that a Los Angeles browser and a
 * New York one read the same day for the same deadline (docs/adr/0026-deadlines-end-of-working-day.md).
 * Nothing here reads the browser's zone; only `useNow` reads the clock.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// ---- the clock --------------------------------------------------------------------------------

function readClock(): Date {
  // eslint-disable-next-line no-restricted-syntax -- the one place the web reads the real time
  return new Date();
}

/** A fixed instant for everything below it (tests, screenshots); null: the real clock. */
export const ClockContext = createContext<Date | null>(null);

/** The current instant, refreshed every `refreshMs` so "in 2 hours" and "overdue" stay true. */
export function useNow(refreshMs = 30_000): Date {
  const fixed = useContext(ClockContext);
  const [now, setNow] = useState(() => fixed ?? readClock());
  useEffect(() => {
    if (fixed) return undefined;
    const timer = setInterval(() => setNow(readClock()), refreshMs);
    return () => clearInterval(timer);
  }, [fixed, refreshMs]);
  return fixed ?? now;
}

// ---- spans and due dates ----------------------------------------------------------------------

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A span of time as a person says it: "less than a minute", "25 minutes", "36 hours", "3 days". */
export function durationText(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE_MS) return 'less than a minute';
  if (span < HOUR_MS) return plural(Math.floor(span / MINUTE_MS), 'minute');
  if (span < 2 * DAY_MS) return plural(Math.floor(span / HOUR_MS), 'hour');
  return plural(Math.floor(span / DAY_MS), 'day');
}

export interface DueDescription {
  /** Past due at `now` ("a due date missed is overdue from that instant"). */
  readonly overdue: boolean;
  /** "in 2 days", "overdue by 3 hours", or "no due date". */
  readonly relative: string;
}

/** Where a due date stands at `now`. */
export function describeDue(dueAt: string | null, now: Date): DueDescription {
  const due = dueAt === null ? null : parse(dueAt);
  if (!due) return { overdue: false, relative: 'no due date' };
  const left = due.getTime() - now.getTime();
  if (left < 0) return { overdue: true, relative: `overdue by ${durationText(left)}` };
  return { overdue: false, relative: `in ${durationText(left)}` };
}

/** Orders due dates soonest first, those without one last. */
export function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- writing dates ----------------------------------------------------------------------------

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2026-12-03" -> "3 Dec 2026", as the API's messages write days (the domain's dayInWords). */
export function formatLocalDate(localDate: string): string {
  return isCalendarDay(localDate) ? dayInWords(localDate) : localDate;
}

/** The program's calendar day an instant falls on: "3 Dec 2026". */
export function formatDay(iso: string, timeZone: string): string {
  const date = parse(iso);
  return date ? formatLocalDate(dayOf(date, timeZone)) : iso;
}

/** "3 Dec 2026, 14:05 EST": a date-time in the program's time zone, which it names. */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = parse(iso);
  if (!date) return iso;
  try {
    return dateTimeInWords(date, timeZone);
  } catch {
    // An unknown zone (an old browser's tables): UTC, which the text then names.
    return dateTimeInWords(date, 'UTC');
  }
}

/** How a screen names the zone its dates are in: "Dates are in the program's zone, America/New York." */
export function zoneNote(timeZone: string): string {
  return `Dates are in the program’s zone, ${timeZone.replace(/_/g, ' ')}.`;
}

// ---- days people pick --------------------------------------------------------------------------

function dayOf(date: Date, timeZone: string): string {
  try {
    return localDateOf(date, timeZone);
  } catch {
    return localDateOf(date, 'UTC');
  }
}

/** An ISO instant as the calendar day ("2026-03-12") it falls on in `timeZone`; '' if not one. */
export function dayInZone(iso: string, timeZone: string): string {
  const date = parse(iso);
  return date ? dayOf(date, timeZone) : '';
}

/**
 * The first instant of a day in `timeZone`, `daysLater` days on (1: the exclusive end of a period
 * that includes the day), as the API's filters take periods; null if it is not a day.
 */
export function startOfDayInZone(day: string, timeZone: string, daysLater = 0): string | null {
  if (!isCalendarDay(day)) return null;
  return instantAtLocal(addCalendarDays(day, daysLater), 0, timeZone).toISOString();
}

/**
 * "2026-03-12" -> the ISO instant a deadline on that day falls due: its end in `timeZone`, as the
 * policy's due dates do; null if it is not a day.
 */
export function endOfDayInZone(day: string, timeZone: string): string | null {
  if (!isCalendarDay(day)) return null;
  return endOfLocalDay(day, timeZone).toISOString();
}
