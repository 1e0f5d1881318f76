import { parseFilters } from '../issues';
import {
  agingBandUrl,
  authorityUrl,
  disciplineUrl,
  openUrl,
  overdueUrl,
  tierUrl,
  weekClosedUrl,
  weekUrl,
} from './drill-down';

/** The tracker's own reading of a URL the dashboard wrote. */
function trackerFiltersOf(url: string) {
  const parsed = new URL(url, 'http://app');
  expect(parsed.pathname).toBe('/issues');
  return { program: parsed.searchParams.get('program'), ...parseFilters(parsed.searchParams) };
}

const OPEN = 'OPEN,IN_REVIEW,AWAITING_DECISION,DECIDED';

describe('a chart click opens the tracker on the issues behind it', () => {
  it('an aging band: the open issues raised in its window', () => {
    const url = agingBandUrl('HX', {
      raisedFrom: '2026-10-26',
      raisedTo: '2026-11-09',
      maxDays: 30,
    });
    expect(url).toBe(`/issues?program=HX&status=${OPEN}&raisedFrom=2026-10-26&raisedTo=2026-11-09`);
    expect(trackerFiltersOf(url)).toMatchObject({
      program: 'HX',
      status: ['OPEN', 'IN_REVIEW', 'AWAITING_DECISION', 'DECIDED'],
      raisedFrom: '2026-10-26',
      raisedTo: '2026-11-09',
    });
  });

  it('the oldest band has no lower bound', () => {
    expect(
      agingBandUrl('HX', { raisedFrom: '2000-01-01', raisedTo: '2026-09-25', maxDays: null }),
    ).toBe(`/issues?program=HX&status=${OPEN}&raisedTo=2026-09-25`);
  });

  it('a discipline bar ("engineering late"): still waiting on it, overdue', () => {
    expect(disciplineUrl('HX', 'engineering')).toBe(
      '/issues?program=HX&pending=engineering&overdue=true',
    );
  });

  it('an authority bar: the issues awaiting that team’s decision', () => {
    const url = authorityUrl('HX', 'team-7');
    expect(url).toBe('/issues?program=HX&status=AWAITING_DECISION&team=team-7');
    expect(trackerFiltersOf(url)).toMatchObject({
      teamId: 'team-7',
      status: ['AWAITING_DECISION'],
    });
  });

  it('a tier bar: the open issues at that tier', () => {
    expect(tierUrl('HX', 'IIPT')).toBe(`/issues?program=HX&status=${OPEN}&tier=IIPT`);
  });

  it('a week’s opened bar: the issues raised Monday to Sunday of that week', () => {
    expect(weekUrl('HX', '2026-02-02')).toBe(
      '/issues?program=HX&raisedFrom=2026-02-02&raisedTo=2026-02-08',
    );
  });

  it('a week’s closed bar: the issues that ended (resolved, closed, withdrawn) that week', () => {
    const url = weekClosedUrl('HX', '2026-02-02');
    expect(url).toBe('/issues?program=HX&endedFrom=2026-02-02&endedTo=2026-02-08');
    expect(trackerFiltersOf(url)).toMatchObject({
      program: 'HX',
      endedFrom: '2026-02-02',
      endedTo: '2026-02-08',
      raisedFrom: null,
      raisedTo: null,
      status: [],
    });
    // Across a month's end.
    expect(weekClosedUrl('HX', '2026-02-23')).toBe(
      '/issues?program=HX&endedFrom=2026-02-23&endedTo=2026-03-01',
    );
  });

  it('the headline figures: overdue, and open', () => {
    expect(overdueUrl('HX')).toBe('/issues?program=HX&overdue=true');
    expect(openUrl('HX')).toBe(`/issues?program=HX&status=${OPEN}`);
  });

  it('carries the dashboard’s team, tier and consequence, the clicked element winning', () => {
    const scope = { teamId: 'team-1', tier: 'WIPT' as const, consequence: [5, 4] as (5 | 4)[] };
    expect(disciplineUrl('HX', 'test', scope)).toBe(
      '/issues?program=HX&team=team-1&tier=WIPT&consequence=5,4&pending=test&overdue=true',
    );
    expect(tierUrl('HX', 'OIPT', scope)).toBe(
      `/issues?program=HX&status=${OPEN}&team=team-1&tier=OIPT&consequence=5,4`,
    );
    expect(weekClosedUrl('HX', '2026-02-02', scope)).toBe(
      '/issues?program=HX&team=team-1&tier=WIPT&consequence=5,4' +
        '&endedFrom=2026-02-02&endedTo=2026-02-08',
    );
    // The authority names the team; the dashboard's team filter gives way.
    expect(authorityUrl('HX', 'team-7', scope)).toBe(
      '/issues?program=HX&status=AWAITING_DECISION&team=team-7&tier=WIPT&consequence=5,4',
    );
  });
});
