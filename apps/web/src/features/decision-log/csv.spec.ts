import type { LogDecision } from './api/get-decisions';
import { csvField, csvFileName, decisionLogCsv, toCsv } from './csv';

function decision(overrides: Partial<LogDecision> = {}): LogDecision {
  return {
    id: 'd1',
    decidedAt: '2026-03-02T14:00:00.000Z',
    dueAt: '2026-03-03T14:00:00.000Z',
    onTime: true,
    rationale: 'Best value.',
    conditions: '',
    tier: 'WIPT',
    superseded: false,
    dissentingDisciplines: [],
    option: { id: 'o1', label: 'A', title: 'Redesign' },
    decidedBy: { id: 'u1', name: 'Pat Morgan' },
    team: { id: 't1', name: 'Radio Hardware WIPT', tier: 'WIPT' },
    nonConcurrences: [],
    actionItems: [],
    issue: {
      id: 'i1',
      key: 'HX-7',
      title: 'Solder voids',
      program: { key: 'HX', timeZone: 'America/New_York' },
    },
    ...overrides,
  };
}

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Pat Morgan')).toBe('Pat Morgan');
    expect(csvField('')).toBe('');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('A, then B')).toBe('"A, then B"');
    expect(csvField('the "best" one')).toBe('"the ""best"" one"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('line one\r\nline two')).toBe('"line one\r\nline two"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2 dB margin')).toBe("'-2 dB margin");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('joins fields with commas and records with CRLF, ending with one', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c, d', 'e'],
      ]),
    ).toBe('a,b\r\n"c, d",e\r\n');
  });
});

describe('decisionLogCsv', () => {
  it('writes a header row, then one row per decision in the order shown', () => {
    const csv = decisionLogCsv(
      [
        decision({
          id: 'd2',
          issue: {
            id: 'i2',
            key: 'HX-9',
            title: 'Crypto, "NSA" slip',
            program: { key: 'HX', timeZone: 'America/New_York' },
          },
          onTime: false,
          conditions: 'Only if the vendor\nholds the price.',
          actionItems: [
            {
              id: 'a1',
              title: 'Order parts',
              dueAt: '2026-03-20T03:59:59.999Z',
              doneAt: null,
              assignee: { id: 'u2', name: 'Erin Engel' },
            },
            {
              id: 'a2',
              title: 'Tell the depot',
              dueAt: '2026-03-10T16:00:00.000Z',
              doneAt: '2026-03-09T15:00:00.000Z',
              assignee: { id: 'u3', name: 'Lena Lopez' },
            },
          ],
          dissentingDisciplines: ['cost', 'test'],
          nonConcurrences: [{ id: 'n1' }, { id: 'n2' }],
          superseded: true,
        }),
        decision({ onTime: null }),
      ],
      (_decision, code) => ({ cost: 'Cost & financial management' })[code] ?? code,
    );
    expect(csv.split('\r\n')).toEqual([
      'Decided at,Time zone,Issue,Title,Option,Option title,Decided by,Team,Tier,Due at,Timeliness,Rationale,Conditions,Action items,Dissenting disciplines,Non-concurrences,Status',
      '2026-03-02T09:00:00-05:00,America/New_York,HX-9,"Crypto, ""NSA"" slip",A,Redesign,Pat Morgan,Radio Hardware WIPT,WIPT,2026-03-03T09:00:00-05:00,Late,Best value.,"Only if the vendor\n' +
        // The day an item is due is the program's: 03:59:59 UTC on the 20th is still the 19th.
        'holds the price.","Order parts (Erin Engel, due 2026-03-19); Tell the depot (Lena Lopez, due 2026-03-10, done 2026-03-09)",Cost & financial management; test,2,Superseded',
      '2026-03-02T09:00:00-05:00,America/New_York,HX-7,Solder voids,A,Redesign,Pat Morgan,Radio Hardware WIPT,WIPT,2026-03-03T09:00:00-05:00,No due date,Best value.,,,,0,Current',
      '',
    ]);
  });

  it('is just the header for an empty view', () => {
    expect(decisionLogCsv([], (_d, code) => code).split('\r\n')).toHaveLength(2);
  });
});

describe('csvFileName', () => {
  it('names the file after the calendar day it is given', () => {
    expect(csvFileName(new Date(2026, 2, 2, 23, 30))).toBe('decision-log-2026-03-02.csv');
    expect(csvFileName(new Date(2027, 11, 31, 0, 5))).toBe('decision-log-2027-12-31.csv');
  });
});
