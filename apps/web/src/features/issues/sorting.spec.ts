import type { TrackerIssue } from './api/get-issues';
import type { SortColumn, TrackerSort } from './filters';
import { sortIssues } from './sorting';

let serial = 0;
function issue(overrides: Partial<TrackerIssue> & { key: string }): TrackerIssue {
  serial += 1;
  return {
    id: `id-${overrides.key}`,
    number: Number(overrides.key.split('-')[1]),
    title: `Issue ${serial}`,
    status: 'OPEN',
    consequence: 3,
    raisedAt: '2026-03-01T00:00:00.000Z',
    currentStage: 'TRIAGE',
    currentStageDueAt: null,
    currentStageOverdue: false,
    owner: null,
    currentTeam: { id: 't1', name: 'Radio Hardware WIPT', tier: 'WIPT' },
    ...overrides,
  };
}

const keys = (issues: readonly TrackerIssue[]) => issues.map((i) => i.key);
const by = (column: SortColumn, direction: TrackerSort['direction']) =>
  ({ column, direction }) as TrackerSort;

describe('sortIssues', () => {
  it('orders keys by program, then number (HX-2 before HX-10)', () => {
    const issues = [issue({ key: 'HX-10' }), issue({ key: 'AB-3' }), issue({ key: 'HX-2' })];
    expect(keys(sortIssues(issues, by('key', 'ascending')))).toEqual(['AB-3', 'HX-2', 'HX-10']);
    expect(keys(sortIssues(issues, by('key', 'descending')))).toEqual(['HX-10', 'HX-2', 'AB-3']);
  });

  it('orders statuses by the lifecycle, not alphabetically', () => {
    const issues = [
      issue({ key: 'HX-1', status: 'CLOSED' }),
      issue({ key: 'HX-2', status: 'AWAITING_DECISION' }),
      issue({ key: 'HX-3', status: 'OPEN' }),
      issue({ key: 'HX-4', status: 'IN_REVIEW' }),
    ];
    expect(keys(sortIssues(issues, by('status', 'ascending')))).toEqual([
      'HX-3',
      'HX-4',
      'HX-2',
      'HX-1',
    ]);
  });

  it('orders titles, owners and teams by name, ignoring case', () => {
    const issues = [
      issue({ key: 'HX-1', title: 'beta', owner: { id: 'u2', name: 'Zoe' } }),
      issue({ key: 'HX-2', title: 'Alpha', owner: { id: 'u1', name: 'adam' } }),
    ];
    expect(keys(sortIssues(issues, by('title', 'ascending')))).toEqual(['HX-2', 'HX-1']);
    expect(keys(sortIssues(issues, by('owner', 'descending')))).toEqual(['HX-1', 'HX-2']);
    expect(
      keys(
        sortIssues(
          [
            issue({ key: 'HX-1', currentTeam: { id: 'b', name: 'OIPT', tier: 'OIPT' } }),
            issue({ key: 'HX-2', currentTeam: { id: 'a', name: 'integrating', tier: 'IIPT' } }),
          ],
          by('team', 'ascending'),
        ),
      ),
    ).toEqual(['HX-2', 'HX-1']);
  });

  it('puts unrated, unassigned and undated issues last whichever the direction', () => {
    const issues = [
      issue({ key: 'HX-1', consequence: null, currentStageDueAt: null }),
      issue({ key: 'HX-2', consequence: 5, currentStageDueAt: '2026-03-09T00:00:00.000Z' }),
      issue({ key: 'HX-3', consequence: 2, currentStageDueAt: '2026-03-04T00:00:00.000Z' }),
    ];
    expect(keys(sortIssues(issues, by('consequence', 'descending')))).toEqual([
      'HX-2',
      'HX-3',
      'HX-1',
    ]);
    expect(keys(sortIssues(issues, by('consequence', 'ascending')))).toEqual([
      'HX-3',
      'HX-2',
      'HX-1',
    ]);
    expect(keys(sortIssues(issues, by('due', 'ascending')))).toEqual(['HX-3', 'HX-2', 'HX-1']);
    expect(keys(sortIssues(issues, by('due', 'descending')))).toEqual(['HX-2', 'HX-3', 'HX-1']);
    expect(keys(sortIssues(issues, by('owner', 'ascending')))).toHaveLength(3);
  });

  it('breaks ties newest raised first, then by key, so the order is stable', () => {
    const issues = [
      issue({ key: 'HX-1', raisedAt: '2026-03-01T00:00:00.000Z' }),
      issue({ key: 'HX-3', raisedAt: '2026-03-02T00:00:00.000Z' }),
      issue({ key: 'HX-2', raisedAt: '2026-03-02T00:00:00.000Z' }),
    ];
    expect(keys(sortIssues(issues, by('consequence', 'descending')))).toEqual([
      'HX-2',
      'HX-3',
      'HX-1',
    ]);
    expect(keys(sortIssues(issues, by('raised', 'ascending')))).toEqual(['HX-1', 'HX-2', 'HX-3']);
  });

  it('leaves its input alone', () => {
    const issues = [issue({ key: 'HX-2' }), issue({ key: 'HX-1' })];
    sortIssues(issues, by('key', 'ascending'));
    expect(keys(issues)).toEqual(['HX-2', 'HX-1']);
  });
});
