import { escalatedText, localDatesInWords, nudgeText } from './notification-texts';

describe(escalatedText.name, () => {
  it('shows the policy’s reason with its dates in words, never as ISO dates', () => {
    // The reason as escalation by policy records it: the program's local date, ISO.
    const reason =
      'Decision due 2026-03-07 at WIPT is overdue past the 1-day grace period of the program’s timeliness policy.';
    const text = escalatedText(
      { key: 'HX-7', title: 'Antenna mount' },
      { name: 'Radio Hardware WIPT', tier: 'WIPT' },
      { name: 'HX Integrating IPT', tier: 'IIPT' },
      null,
      reason,
    );
    expect(text.message).toContain('Decision due 7 Mar 2026 at WIPT is overdue');
    expect(text.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe(localDatesInWords.name, () => {
  it('leaves what only looks like a date alone', () => {
    expect(localDatesInWords('Ref 2026-13-45 and 2026-02-30.')).toBe(
      'Ref 2026-13-45 and 2026-02-30.',
    );
    expect(localDatesInWords('From 2026-12-31 on.')).toBe('From 31 Dec 2026 on.');
  });
});

describe(nudgeText.name, () => {
  it('says who nudged, what waits on the person, and since when it is overdue, in program time', () => {
    expect(
      nudgeText(
        { key: 'HX-7', title: 'Antenna mount' },
        { reason: 'RECOMMENDATION', disciplineNames: ['Cost', 'Test & evaluation'] },
        new Date('2026-03-04T02:00:00.000Z'),
        new Date('2026-03-05T14:00:00.000Z'),
        'America/New_York',
        'Pat Morgan',
      ),
    ).toEqual({
      title: 'Pat Morgan nudged you about HX-7',
      message:
        '“Antenna mount” waits on your Cost and Test & evaluation recommendation, overdue since 3 Mar 2026, 21:00 EST.',
    });
  });
});
