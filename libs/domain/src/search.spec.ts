import { DomainError } from './errors';
import { SEARCH_LIMITS, assertSearchSize, likeLiteral, parseSearchQuery } from './search';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('search queries', () => {
  it('recognises a key of the program in any case, and a bare number', () => {
    expect(parseSearchQuery('HX-12', 'HX').issueNumber).toBe(12);
    expect(parseSearchQuery('  hx-7 ', 'HX').issueNumber).toBe(7);
    expect(parseSearchQuery('42', 'HX').issueNumber).toBe(42);
  });

  it('does not take another program’s key, or words, for an issue number', () => {
    expect(parseSearchQuery('AB-12', 'HX').issueNumber).toBeNull();
    expect(parseSearchQuery('antenna 12', 'HX').issueNumber).toBeNull();
    expect(parseSearchQuery('HX-', 'HX').issueNumber).toBeNull();
  });

  it('lower-cases and single-spaces the phrase, and splits distinct words', () => {
    expect(parseSearchQuery('  Antenna   MAST antenna ', 'HX')).toEqual({
      issueNumber: null,
      phrase: 'antenna mast antenna',
      words: ['antenna', 'mast'],
    });
  });

  it('matches at most a handful of words', () => {
    const many = Array.from({ length: 20 }, (_, n) => `w${n}`).join(' ');
    expect(parseSearchQuery(many, 'HX').words).toHaveLength(SEARCH_LIMITS.wordsMax);
  });

  it('refuses an empty or over-long query, naming the argument', () => {
    for (const query of ['', '   ', 'x'.repeat(SEARCH_LIMITS.queryMax + 1)]) {
      const error = refusal(() => parseSearchQuery(query, 'HX'));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details['field']).toBe('query');
    }
    expect(parseSearchQuery('x'.repeat(SEARCH_LIMITS.queryMax), 'HX').words).toHaveLength(1);
  });

  it('bounds the result count to 1..20', () => {
    for (const first of [0, -1, 21, 1.5]) {
      expect(refusal(() => assertSearchSize(first)).details['field']).toBe('first');
    }
    expect(() => assertSearchSize(1)).not.toThrow();
    expect(() => assertSearchSize(20)).not.toThrow();
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(likeLiteral('100%_done\\')).toBe('100\\%\\_done\\\\');
  });
});
