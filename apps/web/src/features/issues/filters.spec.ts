import {
  DEFAULT_SORT,
  NO_FILTERS,
  activeFilterCount,
  endedPeriodLabel,
  isCurrentView,
  needsTimeZone,
  parseFilters,
  raisedPeriodLabel,
  parseSort,
  toVariables,
  toggleSort,
  viewParams,
  viewQuery,
  withFilters,
  withProgram,
  withSort,
  type TrackerFilters,
} from './filters';

const params = (query: string) => new URLSearchParams(query);

const EVERY_FILTER: TrackerFilters = {
  text: 'radio fade',
  status: ['OPEN', 'AWAITING_DECISION'],
  teamId: 'team-1',
  tier: 'WIPT',
  consequence: [5, 4],
  ownerId: 'user-7',
  pendingDiscipline: 'test',
  overdue: true,
  raisedFrom: '2026-02-02',
  raisedTo: '2026-02-08',
  endedFrom: '2026-02-09',
  endedTo: '2026-02-15',
};

describe('the tracker filters in the URL', () => {
  it('reads nothing from an empty query string', () => {
    expect(parseFilters(params(''))).toEqual(NO_FILTERS);
    expect(parseSort(params(''))).toEqual(DEFAULT_SORT);
  });

  it('reads every filter', () => {
    expect(
      parseFilters(
        params(
          'program=HX&q=radio+fade&status=OPEN,AWAITING_DECISION&team=team-1&tier=WIPT' +
            '&consequence=4,5&owner=user-7&pending=test&overdue=true' +
            '&raisedFrom=2026-02-02&raisedTo=2026-02-08&endedFrom=2026-02-09&endedTo=2026-02-15',
        ),
      ),
    ).toEqual(EVERY_FILTER);
    expect(parseFilters(params('overdue=false')).overdue).toBe(false);
  });

  it('ignores values it does not know rather than failing', () => {
    expect(
      parseFilters(
        params(
          'status=OPEN,LOST,,OPEN&tier=XIPT&consequence=0,3,9,x&overdue=maybe&team=%20' +
            '&raisedFrom=2026-02-30&raisedTo=last+week&endedFrom=2026-2-9&endedTo=2026-13-01',
        ),
      ),
    ).toEqual({ ...NO_FILTERS, status: ['OPEN'], consequence: [3] });
  });

  it('writes what it reads, keeping the program and sort, and drops what no longer narrows', () => {
    const written = withFilters(params('program=HX&sort=due&dir=asc'), EVERY_FILTER);
    expect(written.toString()).toBe(
      'program=HX&sort=due&dir=asc&q=radio+fade&status=OPEN%2CAWAITING_DECISION&team=team-1' +
        '&tier=WIPT&consequence=5%2C4&owner=user-7&pending=test&overdue=true' +
        '&raisedFrom=2026-02-02&raisedTo=2026-02-08&endedFrom=2026-02-09&endedTo=2026-02-15',
    );
    expect(parseFilters(written)).toEqual(EVERY_FILTER);

    const cleared = withFilters(written, NO_FILTERS);
    expect(cleared.toString()).toBe('program=HX&sort=due&dir=asc');
  });

  it('keeps statuses in lifecycle order so one set has one URL', () => {
    const written = withFilters(params(''), { ...NO_FILTERS, status: ['DECIDED', 'OPEN'] });
    expect(written.get('status')).toBe('OPEN,DECIDED');
  });

  it('drops the filters that name things of the old program when the program changes', () => {
    const next = withProgram(
      params('program=HX&team=t1&owner=u1&pending=test&tier=WIPT&status=OPEN&q=x&sort=key'),
      'SUB',
    );
    expect(next.get('program')).toBe('SUB');
    expect(parseFilters(next)).toEqual({
      ...NO_FILTERS,
      text: 'x',
      status: ['OPEN'],
      tier: 'WIPT',
    });
    expect(next.get('sort')).toBe('key');
  });

  it('counts the filters in force', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, text: '   ' })).toBe(0);
    expect(activeFilterCount(EVERY_FILTER)).toBe(10);
    expect(activeFilterCount({ ...NO_FILTERS, raisedTo: '2026-02-08' })).toBe(1);
    expect(activeFilterCount({ ...NO_FILTERS, endedFrom: '2026-02-09' })).toBe(1);
  });

  it('gives the API only the filters that narrow', () => {
    expect(toVariables('HX', NO_FILTERS)).toEqual({ programKey: 'HX' });
    expect(toVariables('HX', EVERY_FILTER)).toEqual({
      programKey: 'HX',
      text: 'radio fade',
      status: ['OPEN', 'AWAITING_DECISION'],
      teamId: 'team-1',
      tier: 'WIPT',
      consequence: [5, 4],
      ownerId: 'user-7',
      pendingDiscipline: 'test',
      overdue: true,
    });
    expect(toVariables('HX', { ...NO_FILTERS, text: '  pump ', overdue: false })).toEqual({
      programKey: 'HX',
      text: 'pump',
      overdue: false,
    });
  });

  it('turns the raised period’s local dates into instants in the program’s time zone', () => {
    const week = { ...NO_FILTERS, raisedFrom: '2026-02-02', raisedTo: '2026-02-08' };
    // New York is UTC-5 in February: the week runs from Monday 05:00Z to the next Monday 05:00Z.
    expect(toVariables('HX', week, 'America/New_York')).toEqual({
      programKey: 'HX',
      raisedFrom: '2026-02-02T05:00:00.000Z',
      raisedTo: '2026-02-09T05:00:00.000Z',
    });
    // Across the spring change (8 March 2026), the end is at UTC-4.
    expect(
      toVariables('HX', { ...NO_FILTERS, raisedTo: '2026-03-08' }, 'America/New_York'),
    ).toEqual({ programKey: 'HX', raisedTo: '2026-03-09T04:00:00.000Z' });
    expect(toVariables('HX', week, 'UTC')).toMatchObject({
      raisedFrom: '2026-02-02T00:00:00.000Z',
      raisedTo: '2026-02-09T00:00:00.000Z',
    });
    expect(needsTimeZone(week)).toBe(true);
    expect(needsTimeZone(NO_FILTERS)).toBe(false);
  });

  it('turns the ended period’s local dates into instants the same way', () => {
    const week = { ...NO_FILTERS, endedFrom: '2026-02-02', endedTo: '2026-02-08' };
    expect(toVariables('HX', week, 'America/New_York')).toEqual({
      programKey: 'HX',
      endedFrom: '2026-02-02T05:00:00.000Z',
      endedTo: '2026-02-09T05:00:00.000Z',
    });
    expect(toVariables('HX', { ...NO_FILTERS, endedTo: '2026-03-08' }, 'America/New_York')).toEqual(
      { programKey: 'HX', endedTo: '2026-03-09T04:00:00.000Z' },
    );
    // Without the program's time zone the dates cannot become instants: the tracker waits.
    expect(toVariables('HX', week)).toEqual({ programKey: 'HX' });
    expect(needsTimeZone({ ...NO_FILTERS, endedTo: '2026-02-08' })).toBe(true);
  });

  it('says the raised period in words', () => {
    expect(raisedPeriodLabel(NO_FILTERS)).toBeNull();
    expect(raisedPeriodLabel({ raisedFrom: '2026-02-01', raisedTo: '2026-02-07' })).toBe(
      'Raised 2026-02-01 to 2026-02-07',
    );
    expect(raisedPeriodLabel({ raisedFrom: '2026-02-01', raisedTo: '2026-02-01' })).toBe(
      'Raised on 2026-02-01',
    );
    expect(raisedPeriodLabel({ raisedFrom: '2026-02-01', raisedTo: null })).toBe(
      'Raised on or after 2026-02-01',
    );
    expect(raisedPeriodLabel({ raisedFrom: null, raisedTo: '2026-02-07' })).toBe(
      'Raised on or before 2026-02-07',
    );
  });

  it('says the ended period in words', () => {
    expect(endedPeriodLabel(NO_FILTERS)).toBeNull();
    expect(endedPeriodLabel({ endedFrom: '2026-02-02', endedTo: '2026-02-08' })).toBe(
      'Ended 2026-02-02 to 2026-02-08',
    );
    expect(endedPeriodLabel({ endedFrom: '2026-02-02', endedTo: '2026-02-02' })).toBe(
      'Ended on 2026-02-02',
    );
    expect(endedPeriodLabel({ endedFrom: '2026-02-02', endedTo: null })).toBe(
      'Ended on or after 2026-02-02',
    );
    expect(endedPeriodLabel({ endedFrom: null, endedTo: '2026-02-08' })).toBe(
      'Ended on or before 2026-02-08',
    );
  });
});

describe('the tracker sort in the URL', () => {
  it('reads a column and direction, defaulting the direction to the column’s first', () => {
    expect(parseSort(params('sort=title&dir=desc'))).toEqual({
      column: 'title',
      direction: 'descending',
    });
    expect(parseSort(params('sort=consequence'))).toEqual({
      column: 'consequence',
      direction: 'descending',
    });
    expect(parseSort(params('sort=due'))).toEqual({ column: 'due', direction: 'ascending' });
    expect(parseSort(params('sort=colour&dir=asc'))).toEqual(DEFAULT_SORT);
  });

  it('flips the same column and starts another in its first direction', () => {
    expect(toggleSort(DEFAULT_SORT, 'raised')).toEqual({
      column: 'raised',
      direction: 'ascending',
    });
    expect(toggleSort({ column: 'raised', direction: 'ascending' }, 'raised')).toEqual(
      DEFAULT_SORT,
    );
    expect(toggleSort(DEFAULT_SORT, 'key')).toEqual({ column: 'key', direction: 'ascending' });
    expect(toggleSort(DEFAULT_SORT, 'consequence')).toEqual({
      column: 'consequence',
      direction: 'descending',
    });
  });

  it('writes the sort, leaving the URL clean for the default', () => {
    expect(
      withSort(params('program=HX'), { column: 'due', direction: 'ascending' }).toString(),
    ).toBe('program=HX&sort=due&dir=asc');
    expect(withSort(params('program=HX&sort=due&dir=asc'), DEFAULT_SORT).toString()).toBe(
      'program=HX',
    );
  });
});

describe('saved views and the URL', () => {
  it('saves every filter and the sort, but not the program', () => {
    expect(viewQuery(params('program=HX&tier=WIPT&overdue=true&sort=due&dir=asc'))).toBe(
      '{"tier":"WIPT","overdue":"true","sort":"due","dir":"asc"}',
    );
    expect(viewQuery(params('program=HX&endedTo=2026-02-08&endedFrom=2026-02-02'))).toBe(
      '{"endedFrom":"2026-02-02","endedTo":"2026-02-08"}',
    );
    expect(viewQuery(params('program=HX'))).toBe('{}');
  });

  it('turns a view back into the URL, in its own program or the current one', () => {
    const view = { programKey: 'SUB', query: '{"tier":"WIPT","sort":"due","junk":"x","q":7}' };
    expect(viewParams(view, 'HX').toString()).toBe('program=SUB&tier=WIPT&sort=due');
    expect(viewParams({ ...view, programKey: null }, 'HX').get('program')).toBe('HX');
    expect(viewParams({ programKey: null, query: 'not json' }, 'HX').toString()).toBe('program=HX');
  });

  it('knows the view the URL shows', () => {
    const view = { programKey: 'HX', query: '{"tier":"WIPT","overdue":"true"}' };
    expect(isCurrentView(view, params('program=HX&overdue=true&tier=WIPT'), 'HX')).toBe(true);
    expect(isCurrentView(view, params('program=HX&tier=WIPT'), 'HX')).toBe(false);
    expect(isCurrentView(view, params('program=SUB&overdue=true&tier=WIPT'), 'SUB')).toBe(false);
    expect(
      isCurrentView({ ...view, programKey: null }, params('overdue=true&tier=WIPT'), 'SUB'),
    ).toBe(true);
  });
});
