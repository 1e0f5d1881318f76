// Moved to the web's one dates module; kept while screens move their imports there.
export { compareDue, describeDue, durationText, useNow, type DueDescription } from './dates';

/**
 * A date-time in the reader's zone. Left only for the notification list until notifications carry
 * their program's zone; everything else writes dates with `formatDateTime` from ./dates.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
