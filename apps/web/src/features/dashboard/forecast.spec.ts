import { basisWords, forecastOutlook } from './forecast';

const base = {
  dueAt: '2026-03-10T04:59:59.999Z',
  p50At: '2026-03-08T12:00:00.000Z',
  p90At: '2026-03-09T12:00:00.000Z',
  basis: 'AUTHORITY' as const,
  basisLabel: '7 past decisions of Radio Hardware WIPT',
};

describe(forecastOutlook.name, () => {
  it('tells likely, at risk and on track apart by where p50 and p90 land against the due date', () => {
    expect(forecastOutlook(base)).toBe('ON_TRACK');
    expect(forecastOutlook({ ...base, p90At: '2026-03-12T00:00:00.000Z' })).toBe('AT_RISK');
    expect(forecastOutlook({ ...base, p50At: '2026-03-11T00:00:00.000Z' })).toBe('LIKELY_LATE');
    expect(forecastOutlook({ ...base, dueAt: null })).toBe('NO_DUE_DATE');
    expect(forecastOutlook({ ...base, basis: 'NONE', p50At: null, p90At: null })).toBe('UNKNOWN');
  });

  it('says the basis in words', () => {
    expect(basisWords(base)).toBe('from 7 past decisions of Radio Hardware WIPT');
    expect(basisWords({ ...base, basis: 'NONE' })).toBe('too little history to forecast');
  });
});
