import { headlineCards } from './headline';

const period = { from: '2026-09-03T02:53:10.661Z', to: '2026-11-26T02:53:10.661Z' };

function cards(headline: Parameters<typeof headlineCards>[0]['headline']) {
  return Object.fromEntries(headlineCards({ ...period, headline }).map((c) => [c.id, c]));
}

describe(headlineCards.name, () => {
  const figures = cards({
    open: { value: 14, previous: 12 },
    overdue: { value: 2, previous: 5 },
    medianResolutionDays: { value: 28, previous: null },
    decisionOnTimeRate: { value: 0.9090909, previous: 1 },
    escalationRate: { value: 0.1666, previous: 0.1666 },
  });

  it('gives each figure with its unit', () => {
    expect(figures['open']!.value).toBe('14 issues');
    expect(figures['medianResolutionDays']!.value).toBe('28 days');
    expect(figures['decisionOnTimeRate']!.value).toBe('91%');
    expect(figures['escalationRate']!.value).toBe('17%');
  });

  it('says the previous value in words', () => {
    expect(figures['open']!.previous).toBe('was 12 at the period’s start');
    expect(figures['decisionOnTimeRate']!.previous).toBe('was 100% in the previous 12 weeks');
    expect(figures['medianResolutionDays']!.previous).toBe(
      'no resolutions in the previous 12 weeks',
    );
  });

  it('points the trend, and judges it by whether more is better', () => {
    expect(figures['open']).toMatchObject({
      direction: 'up',
      verdict: 'worse',
      change: 'up 2 since the period’s start',
    });
    expect(figures['overdue']).toMatchObject({ direction: 'down', verdict: 'better' });
    expect(figures['decisionOnTimeRate']).toMatchObject({
      direction: 'down',
      verdict: 'worse',
      change: '9 points lower than in the previous 12 weeks',
    });
    expect(figures['escalationRate']).toMatchObject({ direction: 'flat', verdict: 'neutral' });
    expect(figures['medianResolutionDays']).toMatchObject({
      direction: 'unknown',
      change: 'no earlier figure to compare',
    });
  });
});
