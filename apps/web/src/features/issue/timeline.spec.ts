import {
  activityMessage,
  changesSince,
  eventActorName,
  eventLabel,
  eventStory,
  summariseChange,
} from './timeline';

const context = {
  formatDateTime: (iso: string) => `<${iso.slice(0, 10)}>`,
  formatDay: (iso: string) => iso.slice(5, 10),
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
    // Nobody escalates without a name but the timeliness policy.
    expect(activityMessage({ type: 'ISSUE_ESCALATED', actorName: null })).toBe(
      'The timeliness policy escalated the issue',
    );
    expect(activityMessage({ type: 'DUE_DATES_RECOMPUTED', actorName: null })).toBe(
      'Due dates recomputed after a policy change',
    );
    expect(activityMessage({ type: 'ISSUE_CLOSED', actorName: null })).toBe(
      'The system closed the issue',
    );
  });

  it('tells a nudge by whom it reminded, without their ids', () => {
    expect(activityMessage({ type: 'ISSUE_NUDGED', actorName: 'Pat Morgan' })).toBe(
      'Pat Morgan nudged the people the issue waits on',
    );
    const lines = summariseChange(
      null,
      JSON.stringify({
        stage: 'DECISION',
        holderIds: ['u-1', 'u-2'],
        holders: ['Dana Lee', 'Sam Ortiz'],
      }),
      context,
    );
    expect(JSON.stringify(lines)).not.toContain('u-1');
    expect(JSON.stringify(lines)).toContain('Dana Lee');
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

  describe('what the timeliness policy did', () => {
    const snapshot = { key: 'HX-7', status: 'AWAITING_DECISION', due: { DECISION: null } };

    it('says which due dates a policy change moved, in stage order, and nothing else', () => {
      const event = {
        type: 'DUE_DATES_RECOMPUTED',
        actor: null,
        before: JSON.stringify({
          dueDates: { DECISION: '2026-03-04T22:00:00.000Z', RECOMMENDATIONS: null },
        }),
        after: JSON.stringify({
          dueDates: {
            DECISION: '2026-03-06T22:00:00.000Z',
            RECOMMENDATIONS: '2026-03-02T22:00:00.000Z',
          },
          reason: 'The program’s timeliness policy changed.',
          version: 9,
          snapshot,
        }),
      };
      expect(eventLabel(event.type)).toBe('Due dates recomputed');
      expect(eventStory(event, context)).toEqual({
        sentence:
          'Due dates recomputed after a policy change: recommendations due 03-02 (none before); decision due 03-04 → 03-06',
        lines: [],
      });
      expect(eventActorName(event)).toBe('Timeliness policy');
      // A person who changed the policy is named as such.
      expect(eventActorName({ ...event, actor: { name: 'Pat Morgan' } })).toBe('Pat Morgan');
    });

    it('says an escalation by policy was the policy’s, with its reason, not the system’s', () => {
      const event = {
        type: 'ISSUE_ESCALATED',
        actor: null,
        before: JSON.stringify({ status: 'AWAITING_DECISION', team: 'Radio WIPT', tier: 'WIPT' }),
        after: JSON.stringify({
          status: 'IN_REVIEW',
          team: 'Integration IIPT',
          tier: 'IIPT',
          reason:
            'Decision due 2026-03-08 at WIPT is overdue past the 3-business-day grace period.',
          source: 'POLICY',
          escalation: { fromTeamId: 't1', toTeamId: 't2', fromTier: 'WIPT', toTier: 'IIPT' },
          version: 8,
          snapshot,
        }),
      };
      expect(eventActorName(event)).toBe('Timeliness policy');
      expect(eventStory(event, context)).toEqual({
        sentence:
          'Escalated by the timeliness policy: Decision due 2026-03-08 at WIPT is overdue past the 3-business-day grace period.',
        lines: [
          { field: 'Status', before: 'Awaiting decision', after: 'In review' },
          { field: 'Team', before: 'Radio WIPT', after: 'Integration IIPT' },
          { field: 'Tier', before: 'WIPT', after: 'IIPT' },
        ],
      });
    });

    it('leaves a person’s escalation to the lines, and the system unnamed otherwise', () => {
      const event = {
        type: 'ISSUE_ESCALATED',
        actor: { name: 'Pat Morgan' },
        before: JSON.stringify({ team: 'Radio WIPT' }),
        after: JSON.stringify({
          team: 'Integration IIPT',
          reason: 'Needs the IIPT',
          source: 'PERSON',
        }),
      };
      expect(eventStory(event, context).sentence).toBeNull();
      expect(eventActorName(event)).toBe('Pat Morgan');
      expect(eventActorName({ type: 'ISSUE_CLOSED', actor: null, before: null, after: null })).toBe(
        'The system',
      );
    });

    it('keeps the timeliness snapshot and payloads out of the lines, and names hand-set dates', () => {
      expect(
        summariseChange(
          null,
          JSON.stringify({
            status: 'IN_REVIEW',
            manualDueStages: ['RECOMMENDATIONS', 'DECISION'],
            decision: { teamId: 't1', readyAt: null },
            snapshot,
          }),
          context,
        ),
      ).toEqual([
        { field: 'Status', before: null, after: 'In review' },
        { field: 'Due dates set by hand', before: null, after: 'Recommendations, Decision' },
      ]);
    });
  });
});
