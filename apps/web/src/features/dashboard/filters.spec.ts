import {
  NO_DASHBOARD_FILTERS,
  dashboardFilterCount,
  endOfLocalDay,
  parseDashboardFilters,
  toReportVariables,
  withDashboardFilters,
  withDashboardProgram,
  type DashboardFilters,
} from './filters';

const params = (query: string) => new URLSearchParams(query);

const EVERY_FILTER: DashboardFilters = {
  teamId: 'team-1',
  tier: 'WIPT',
  consequence: [5, 4],
  discipline: 'engineering',
  authorityTeamId: 'team-9',
  from: '2026-01-05',
  to: '2026-02-28',
  asOf: '2026-03-01',
};

describe('the dashboard filters in the URL', () => {
  it('reads nothing from an empty query string', () => {
    expect(parseDashboardFilters(params('program=HX'))).toEqual(NO_DASHBOARD_FILTERS);
  });

  it('reads every filter and writes it back the same', () => {
    const query =
      'program=HX&team=team-1&tier=WIPT&consequence=4,5&discipline=engineering' +
      '&authority=team-9&from=2026-01-05&to=2026-02-28&asOf=2026-03-01';
    const filters = parseDashboardFilters(params(query));
    expect(filters).toEqual(EVERY_FILTER);

    const written = withDashboardFilters(params('program=HX'), filters);
    expect(written.toString()).toBe(
      'program=HX&team=team-1&tier=WIPT&consequence=5%2C4&discipline=engineering' +
        '&authority=team-9&from=2026-01-05&to=2026-02-28&asOf=2026-03-01',
    );
    expect(parseDashboardFilters(written)).toEqual(EVERY_FILTER);
    expect(withDashboardFilters(written, NO_DASHBOARD_FILTERS).toString()).toBe('program=HX');
  });

  it('ignores what it does not know rather than failing', () => {
    expect(
      parseDashboardFilters(
        params('tier=XIPT&consequence=0,3,x&asOf=2026-02-30&from=yesterday&to=2026-13-01&team=%20'),
      ),
    ).toEqual({ ...NO_DASHBOARD_FILTERS, consequence: [3] });
  });

  it('drops the filters naming things of the old program when the program changes', () => {
    const next = withDashboardProgram(
      params('program=HX&team=t1&discipline=test&authority=t2&tier=IIPT&asOf=2026-03-01'),
      'SUB',
    );
    expect(next.toString()).toBe('program=SUB&tier=IIPT&asOf=2026-03-01');
  });

  it('counts the filters, not the as-of day', () => {
    expect(dashboardFilterCount(NO_DASHBOARD_FILTERS)).toBe(0);
    expect(dashboardFilterCount({ ...NO_DASHBOARD_FILTERS, asOf: '2026-03-01' })).toBe(0);
    expect(dashboardFilterCount(EVERY_FILTER)).toBe(7);
  });
});

describe('the report’s arguments', () => {
  it('asks for now and the default period when nothing is set', () => {
    expect(toReportVariables('HX', NO_DASHBOARD_FILTERS, 'America/New_York')).toEqual({
      programKey: 'HX',
    });
  });

  it('turns local dates into instants in the program’s time zone', () => {
    expect(toReportVariables('HX', EVERY_FILTER, 'America/New_York')).toEqual({
      programKey: 'HX',
      filter: {
        teamId: 'team-1',
        tier: 'WIPT',
        consequence: [5, 4],
        discipline: 'engineering',
        authorityTeamId: 'team-9',
        // New York is UTC-5 in winter: midnight there is 05:00Z.
        from: '2026-01-05T05:00:00.000Z',
        to: '2026-03-01T04:59:59.999Z',
      },
      // As of 1 March: the end of that day in New York.
      asOf: '2026-03-02T04:59:59.999Z',
    });
  });

  it('asks for now when the as-of day is today or later, and ends the period there', () => {
    const filters = { ...NO_DASHBOARD_FILTERS, to: '2026-03-02', asOf: '2026-03-02' };
    expect(toReportVariables('HX', filters, 'UTC', '2026-03-02')).toEqual({ programKey: 'HX' });
    expect(
      toReportVariables('HX', { ...filters, asOf: '2026-02-20' }, 'UTC', '2026-03-02'),
    ).toEqual({ programKey: 'HX', asOf: '2026-02-20T23:59:59.999Z' });
    expect(
      toReportVariables('HX', { ...filters, to: '2026-02-10', asOf: null }, 'UTC', '2026-03-02'),
    ).toEqual({ programKey: 'HX', filter: { to: '2026-02-10T23:59:59.999Z' } });
  });

  it('ends a day at its last instant, across a daylight-saving change too', () => {
    expect(endOfLocalDay('2026-03-08', 'America/New_York')).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfLocalDay('2026-03-01', 'UTC')).toBe('2026-03-01T23:59:59.999Z');
    expect(endOfLocalDay('2026-03-01', 'Asia/Tokyo')).toBe('2026-03-01T14:59:59.999Z');
  });
});
