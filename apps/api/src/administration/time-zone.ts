/**
 * The canonical IANA name of a time zone ("utc" -> "UTC", "US/Eastern" -> "America/New_York"),
 * or null when the runtime does not know the zone.
 */
export function canonicalTimeZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (trimmed === '') return null;
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
