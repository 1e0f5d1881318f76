import type { LogDecision } from './api/get-decisions';
import {
  NO_FILTERS,
  apiFilters,
  filtersFromParams,
  matchesText,
  paramsFromFilters,
  periodProblem,
  startOfDay,
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
    expect(apiFilters(NO_FILTERS)).toEqual({
      programKey: null,
      teamId: null,
      tier: null,
      authorityId: null,
      decidedFrom: null,
      decidedTo: null,
      superseded: null,
      withDissent: null,
    });
    const api = apiFilters({
      ...NO_FILTERS,
      program: 'HX',
      tier: 'OIPT',
      from: '2026-03-01',
      to: '2026-03-31',
      status: 'current',
      dissent: 'without',
    });
    expect(api).toMatchObject({
      programKey: 'HX',
      tier: 'OIPT',
      superseded: false,
      withDissent: false,
      decidedFrom: new Date(2026, 2, 1).toISOString(),
      decidedTo: new Date(2026, 3, 1).toISOString(),
    });
    // The q text is searched here, not sent.
    expect(Object.keys(apiFilters({ ...NO_FILTERS, q: 'x' }))).not.toContain('q');
  });

  it('refuse a period that ends before it starts', () => {
    expect(periodProblem({ ...NO_FILTERS, from: '2026-03-10', to: '2026-03-01' })).toBe(
      '“To” must not be before “From”.',
    );
    expect(periodProblem({ ...NO_FILTERS, from: '2026-03-10', to: '2026-03-10' })).toBeNull();
  });

  it('know a real day from an impossible one', () => {
    expect(startOfDay('2026-02-30')).toBeNull();
    expect(startOfDay('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
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
