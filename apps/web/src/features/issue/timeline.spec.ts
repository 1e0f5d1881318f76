import { activityMessage, changesSince, eventLabel, summariseChange } from './timeline';

const context = {
  formatDateTime: (iso: string) => `<${iso.slice(0, 10)}>`,
  disciplineName: (code: string) => ({ test: 'Test & evaluation', cost: 'Cost' })[code] ?? code,
};

describe('the timeline in words', () => {
  it('names event types, and makes up a name for types it does not know', () => {
    expect(eventLabel('DECISION_RECORDED')).toBe('Decision recorded');
    expect(eventLabel('NON_CONCURRENCE_FILED')).toBe('Non-concurrence filed');
    expect(eventLabel('SOMETHING_NEW')).toBe('Something new');
  });

  it('says who did what for live announcements', () => {
    expect(activityMessage({ type: 'DECISION_RECORDED', actorName: 'Pat Morgan' })).toBe(
      'Pat Morgan recorded a decision',
    );
    expect(activityMessage({ type: 'ISSUE_ESCALATED', actorName: null })).toBe(
      'The system escalated the issue',
    );
  });

  it('summarises before/after JSON as readable lines, without bookkeeping', () => {
    const lines = summariseChange(
      JSON.stringify({ status: 'IN_REVIEW', ownerId: null, consequence: null }),
      JSON.stringify({
        status: 'AWAITING_DECISION',
        ownerId: 'u1',
        owner: 'Pat Morgan',
        consequence: 4,
        requiredDisciplines: ['test', 'cost'],
        dueDates: { decision: '2026-03-08T15:00:00.000Z' },
        version: 3,
      }),
      context,
    );
    expect(lines).toEqual([
      { field: 'Status', before: 'In review', after: 'Awaiting decision' },
      { field: 'Owner', before: null, after: 'Pat Morgan' },
      { field: 'Consequence', before: 'none', after: '4 – Significant' },
      { field: 'Required disciplines', before: null, after: 'Test & evaluation, Cost' },
      { field: 'Decision due', before: null, after: '<2026-03-08>' },
    ]);
  });

  it('leaves out what did not change, and who escalated when the event names them', () => {
    expect(
      summariseChange(
        JSON.stringify({ status: 'IN_REVIEW', team: 'Radio WIPT' }),
        JSON.stringify({ status: 'IN_REVIEW', team: 'Integration IIPT', source: 'PERSON' }),
        context,
      ),
    ).toEqual([{ field: 'Team', before: 'Radio WIPT', after: 'Integration IIPT' }]);
    expect(summariseChange(null, JSON.stringify({ source: 'POLICY' }), context)).toEqual([
      { field: 'By', before: null, after: 'policy' },
    ]);
  });

  it('shortens long text and survives missing or broken JSON', () => {
    const [line] = summariseChange(null, JSON.stringify({ rationale: 'x'.repeat(500) }), context);
    expect(line!.after!.length).toBe(240);
    expect(line!.after!.endsWith('…')).toBe(true);
    expect(summariseChange('not json', null, context)).toEqual([]);
  });

  it('lists the changes newer than the version someone read, oldest first', () => {
    const timeline = [
      { seq: 7, after: JSON.stringify({ version: 7 }) },
      { seq: 3, after: JSON.stringify({ version: 3 }) },
      { seq: 5, after: JSON.stringify({ body: 'a comment' }) },
      { seq: 6, after: JSON.stringify({ version: 6 }) },
      { seq: 1, after: null },
    ];
    expect(changesSince(timeline, 5).map((event) => event.seq)).toEqual([6, 7]);
    expect(changesSince(timeline, 7)).toEqual([]);
  });
});
