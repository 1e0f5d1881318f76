import type { LogDecision } from './api/get-decisions';
import {
  NO_FILTERS,
  apiFilters,
  filtersFromParams,
  matchesText,
  paramsFromFilters,
  periodProblem,
  startOfDay,
  needsTimeZone,
  periodTimeZone,
} from './filters';

describe('the decision log filters', () => {
  it('read from the URL, ignoring what they do not understand', () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        'program=HX&team=t1&tier=IIPT&authority=u1&from=2026-03-01&to=2026-03-31&status=superseded&dissent=with&q=radome',
      ),
    );
    expect(filters).toEqual({
      program: 'HX',
      team: 't1',
      tier: 'IIPT',
      authority: 'u1',
      from: '2026-03-01',
      to: '2026-03-31',
      status: 'superseded',
      dissent: 'with',
      q: 'radome',
    });
    expect(
      filtersFromParams(new URLSearchParams('tier=XIPT&status=maybe&dissent=lots&from=yesterday')),
    ).toEqual(NO_FILTERS);
  });

  it('write back to the URL only what differs from no filter', () => {
    expect(paramsFromFilters(NO_FILTERS).toString()).toBe('');
    const params = paramsFromFilters({ ...NO_FILTERS, dissent: 'without', q: 'HX-7' });
    expect(params.toString()).toBe('dissent=without&q=HX-7');
    expect(filtersFromParams(params)).toEqual({ ...NO_FILTERS, dissent: 'without', q: 'HX-7' });
  });

  it('become the API’s arguments, the period including its last day', () => {
    expect(apiFilters(NO_FILTERS, 'UTC')).toEqual({
      programKey: null,
      teamId: null,
      tier: null,
      authorityId: null,
      decidedFrom: null,
      decidedTo: null,
      superseded: null,
      withDissent: null,
    });
    const api = apiFilters(
      {
        ...NO_FILTERS,
        program: 'HX',
        tier: 'OIPT',
        from: '2026-03-01',
        to: '2026-03-31',
        status: 'current',
        dissent: 'without',
      },
      'America/Los_Angeles',
    );
    // The program's days, whatever the reader's zone: midnight in Los Angeles is 08:00 UTC.
    expect(api).toMatchObject({
      programKey: 'HX',
      tier: 'OIPT',
      superseded: false,
      withDissent: false,
      decidedFrom: '2026-03-01T08:00:00.000Z',
      decidedTo: '2026-04-01T07:00:00.000Z',
    });
    // The q text is searched here, not sent.
    expect(Object.keys(apiFilters({ ...NO_FILTERS, q: 'x' }, 'UTC'))).not.toContain('q');
  });

  it('refuse a period that ends before it starts', () => {
    expect(periodProblem({ ...NO_FILTERS, from: '2026-03-10', to: '2026-03-01' })).toBe(
      '“To” must not be before “From”.',
    );
    expect(periodProblem({ ...NO_FILTERS, from: '2026-03-10', to: '2026-03-10' })).toBeNull();
  });

  it('know a real day from an impossible one', () => {
    expect(startOfDay('2026-02-30', 'UTC')).toBeNull();
    expect(startOfDay('2026-12-31', 'America/New_York', 1)).toBe('2027-01-01T05:00:00.000Z');
  });

  it('read the days in the chosen program’s zone, else the first program’s, waiting for it', () => {
    const programs = [
      { key: 'HX', timeZone: 'America/New_York' },
      { key: 'PX', timeZone: 'Pacific/Honolulu' },
    ];
    expect(periodTimeZone(programs, 'PX')).toBe('Pacific/Honolulu');
    expect(periodTimeZone(programs, '')).toBe('America/New_York');
    expect(periodTimeZone([], '')).toBeNull();
    expect(needsTimeZone({ ...NO_FILTERS, to: '2026-03-01' })).toBe(true);
    expect(needsTimeZone(NO_FILTERS)).toBe(false);
  });
});

describe('the free-text search', () => {
  const decision = {
    rationale: 'Cheapest option that keeps the LRIP date.',
    issue: { key: 'HX-20', title: 'RF power amplifier supplier slipping' },
  } as LogDecision;

  it('matches key, title and rationale, every word, in any case', () => {
    expect(matchesText(decision, '')).toBe(true);
    expect(matchesText(decision, 'hx-20')).toBe(true);
    expect(matchesText(decision, 'amplifier')).toBe(true);
    expect(matchesText(decision, 'LRIP cheapest')).toBe(true);
    expect(matchesText(decision, 'LRIP radome')).toBe(false);
  });
});
