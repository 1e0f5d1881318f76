import { isCalendarDay } from '@ipt/domain';
import { Kind, type StringValueNode } from 'graphql';
import { DateScalar, DateTimeScalar, InvalidScalarInput, parseDateTime } from './date-time.scalar';

const literal = (value: string): StringValueNode => ({ kind: Kind.STRING, value });

describe('DateTime', () => {
  it.each([
    ['2026-03-01T17:00:00Z', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01t17:00:00z', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01T12:00:00-05:00', '2026-03-01T17:00:00.000Z'],
    ['2026-03-02T02:30:00+09:30', '2026-03-01T17:00:00.000Z'],
    ['2026-03-01T17:00:00.5Z', '2026-03-01T17:00:00.500Z'],
    ['2026-03-01T17:00:00.123456789Z', '2026-03-01T17:00:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T23:59:59Z', '2000-02-29T23:59:59.000Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('reads %s as the instant %s', (text, instant) => {
    expect(parseDateTime(text)?.toISOString()).toBe(instant);
    expect(DateTimeScalar.parseValue(text)).toEqual(new Date(instant));
    expect(DateTimeScalar.parseLiteral(literal(text))).toEqual(new Date(instant));
  });

  it.each([
    'not-a-date',
    '',
    '2026-02-30T00:00:00Z', // no 30 February
    '2026-02-29T00:00:00Z', // 2026 is no leap year
    '1900-02-29T00:00:00Z', // nor is 1900
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-03-01T25:61:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T23:60:00Z',
    '2026-03-01T23:59:60Z', // a leap second: a Date cannot hold it
    '2026-03-01T00:00:00+24:00',
    '2026-03-01T00:00:00+05:60',
    '2026-03-01', // a day is no instant
    '2026-03-01T00:00:00', // without an offset it is no instant either
    '2026-03-01 00:00:00Z',
    '0000-01-01T00:00:00Z',
    ' 2026-03-01T00:00:00Z',
    '2026-03-01T00:00:00Z ',
    '+02026-03-01T00:00:00Z',
    'Sun, 01 Mar 2026 00:00:00 GMT',
    '1772323200000',
    `2026-03-01T00:00:00.${'1'.repeat(50)}Z`,
  ])('refuses %j', (text) => {
    expect(parseDateTime(text)).toBeNull();
    expect(() => DateTimeScalar.parseValue(text)).toThrow(InvalidScalarInput);
    expect(() => DateTimeScalar.parseLiteral(literal(text))).toThrow(InvalidScalarInput);
  });

  it.each([[0], [1772323200000], [null], [true], [{}]])('refuses the non-string %j', (value) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow(InvalidScalarInput);
  });

  it('refuses literals that are not strings', () => {
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '0' })).toThrow(
      InvalidScalarInput,
    );
  });

  it('says what it wanted, naming the argument once told it, and never a class', () => {
    let refused: unknown;
    try {
      DateTimeScalar.parseValue('2026-03-01');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(InvalidScalarInput);
    const error = refused as InvalidScalarInput;
    expect(error.value).toBe('2026-03-01');
    expect(error.describe('to')).toBe(
      'to must be a date and time with its offset, such as 2026-03-01T17:00:00Z.',
    );
    expect(error.describe(undefined)).toMatch(/^The value must be a date and time/);
  });

  it('answers in UTC with milliseconds', () => {
    expect(DateTimeScalar.serialize(new Date('2026-03-01T12:00:00-05:00'))).toBe(
      '2026-03-01T17:00:00.000Z',
    );
    expect(DateTimeScalar.serialize(new Date(Number.NaN))).toBeNull();
  });
});

describe('Date', () => {
  it.each(['2026-03-01', '2024-02-29', '2000-02-29', '2026-12-31'])('takes %s', (text) => {
    expect(isCalendarDay(text)).toBe(true);
    expect(DateScalar.parseValue(text)).toBe(text);
    expect(DateScalar.parseLiteral(literal(text))).toBe(text);
    expect(DateScalar.serialize(text)).toBe(text);
  });

  it.each([
    '',
    'not-a-date',
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-3-1',
    '2026-03-01T00:00:00Z',
    '0000-01-01',
  ])('refuses %j', (text) => {
    expect(isCalendarDay(text)).toBe(false);
    expect(() => DateScalar.parseValue(text)).toThrow(InvalidScalarInput);
    expect(() => DateScalar.parseLiteral(literal(text))).toThrow(
      'The value must be a calendar day such as 2026-03-01.',
    );
  });
});
