import { isCalendarDay } from '@ipt/domain';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * A value a scalar refused. It carries what the value should have been, not whose it was: the
 * scalar never knows the argument it feeds, so the error formatting (common/errors.ts) finds the
 * argument in the operation and puts its name in front, for a message a person can act on.
 */
export class InvalidScalarInput extends Error {
  constructor(
    /** What was expected, worded to follow "<argument> must be". */
    readonly expected: string,
    /** The value as it was sent. */
    readonly value: unknown,
  ) {
    super(`The value must be ${expected}.`);
    this.name = 'InvalidScalarInput';
  }

  /** The message naming the argument or input field the value was given for. */
  describe(field: string | undefined): string {
    return field ? `${field} must be ${this.expected}.` : this.message;
  }
}

const DATE_TIME_EXPECTED = 'a date and time with its offset, such as 2026-03-01T17:00:00Z';
const DATE_EXPECTED = 'a calendar day such as 2026-03-01';

// RFC 3339 (section 5.6) with the offset required: an instant, never a local reading of a clock.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
// Longer than any value the patterns accept: refused before any matching is done.
const MAX_LENGTH = 40;

/**
 * The instant an RFC 3339 date-time with an offset names, or null when it is anything else.
 * Every part is range-checked here rather than left to `Date`, which rolls 30 February over to
 * 2 March and hour 25 to the next day without a word. A leap second (:60) is refused: a `Date`
 * cannot hold it.
 */
export function parseDateTime(text: string): Date | null {
  if (text.length > MAX_LENGTH) return null;
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDay(text.slice(0, 10)) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!match[8]) {
    const offsetHours = Number(match[10]);
    const offsetMins = Number(match[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const milliseconds = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  // Built from a leap year and moved to the real one, as Date.UTC reads years 0-99 as 1900-1999.
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, milliseconds));
  date.setUTCFullYear(year);
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

function dateTimeFrom(value: unknown): Date {
  const parsed = typeof value === 'string' ? parseDateTime(value) : null;
  if (!parsed) throw new InvalidScalarInput(DATE_TIME_EXPECTED, value);
  return parsed;
}

function dayFrom(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDay(value))
    throw new InvalidScalarInput(DATE_EXPECTED, value);
  return value;
}

function literal(ast: ValueNode): unknown {
  // Anything but a string literal is refused with the same message as a malformed string.
  return ast.kind === Kind.STRING ? ast.value : null;
}

/**
 * `DateTime`: an instant, as RFC 3339 with its offset (Z or ±hh:mm), on the real calendar. It
 * replaces Nest's own DateTime scalar, which passes anything to `new Date` (an Invalid Date then
 * loops the weekly figures forever).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string | null>({
  name: 'DateTime',
  description:
    'An instant: an RFC 3339 date-time with its offset, such as 2026-03-01T17:00:00Z or 2026-03-01T12:00:00-05:00. Answers are always in UTC (Z).',
  parseValue: dateTimeFrom,
  parseLiteral: (ast) => dateTimeFrom(literal(ast)),
  // As Nest's scalar did: what is not a Date answers null (the schema then decides if that is allowed).
  serialize(value: unknown): string | null {
    return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null;
  },
});

/** `Date`: a calendar day (YYYY-MM-DD) that exists, with no time and no time zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD, such as 2026-03-01; no time of day, no time zone.',
  parseValue: dayFrom,
  parseLiteral: (ast) => dayFrom(literal(ast)),
  serialize(value: unknown): string {
    if (typeof value === 'string' && isCalendarDay(value)) return value;
    throw new TypeError('Date cannot represent a value that is not a calendar day.');
  },
});

/**
 * Handed to every schema build (the app's, and the printing of schema.gql): fields typed plain
 * `Date` get the strict DateTime too, never Nest's lenient one (two scalars named DateTime would
 * not build at all).
 */
export const SCALARS_MAP = [{ type: Date, scalar: DateTimeScalar }];
