import { useEffect, useState } from 'react';

/**
 * Time on the workbench screens: due dates, how long is left, what is overdue. Everything here
 * takes "now" as an argument; only `useNow` reads the real clock.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

function readClock(): Date {
  // eslint-disable-next-line no-restricted-syntax -- the one place these screens read the real time
  return new Date();
}

/** The current instant, refreshed every `refreshMs` so "in 2 hours" and "overdue" stay true. */
export function useNow(refreshMs = 30_000): Date {
  const [now, setNow] = useState(readClock);
  useEffect(() => {
    const timer = setInterval(() => setNow(readClock()), refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs]);
  return now;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** A span of time as a person says it: "less than a minute", "25 minutes", "36 hours", "3 days". */
export function durationText(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE_MS) return 'less than a minute';
  if (span < HOUR_MS) return plural(Math.floor(span / MINUTE_MS), 'minute');
  if (span < 2 * DAY_MS) return plural(Math.floor(span / HOUR_MS), 'hour');
  return plural(Math.floor(span / DAY_MS), 'day');
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date-time in the reader's locale; in `timeZone` (a program's, so day boundaries match the
 * program's deadlines) with the zone named, or in the reader's own zone when none is given.
 */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = parse(iso);
  if (!date) return iso;
  if (!timeZone) return dateTimeFormat.format(date);
  let format = zonedFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    zonedFormats.set(timeZone, format);
  }
  return format.format(date);
}

/** A calendar date in the reader's locale and time zone. */
export function formatDay(iso: string): string {
  const date = parse(iso);
  return date ? dateFormat.format(date) : iso;
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
