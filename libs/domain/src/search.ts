import { badInput } from './errors';

/** How much one search may ask for: the command palette asks for a screenful, never a page. */
export const SEARCH_LIMITS = {
  /** Results of each kind (issues, decisions) at most. */
  firstMax: 20,
  /** Characters of the query at most, after trimming. */
  queryMax: 100,
  /** Words matched at most; more add nothing a person can see in a short list. */
  wordsMax: 8,
} as const;

/** A search query as the API matches it: an issue key or number, and the words of a title. */
export interface ParsedSearch {
  /** The issue number the query names (`HX-12`, `hx-12` or `12` in program HX), if it names one. */
  readonly issueNumber: number | null;
  /** The whole query, lower-cased, single-spaced: what a title must start with to rank second. */
  readonly phrase: string;
  /** Lower-cased words, each of which a title (or a decision's text) must contain. */
  readonly words: readonly string[];
}

/** How search results rank, best first; within a rank the newest come first. */
export enum SearchRank {
  /** The query is the issue's key or number. */
  EXACT_KEY = 0,
  /** The title starts with the whole query. */
  TITLE_PREFIX = 1,
  /** The title (or the decision's text) contains every word, or the key starts with the query. */
  CONTAINS = 2,
}

/**
 * Reads a search query for one program: refuses an empty or over-long one (BAD_USER_INPUT naming
 * `query`), recognises an issue key of that program or a bare number, and splits the rest into
 * words. Lower-casing here is Unicode-aware; the database's may not be (SQLite's LOWER folds only
 * ASCII), so a non-ASCII letter in another case than the title's may not match there.
 */
export function parseSearchQuery(query: string, programKey: string): ParsedSearch {
  const phrase = query.trim().replace(/\s+/g, ' ').toLowerCase();
  if (phrase.length === 0) {
    throw badInput('query', 'Type something to search for: an issue key or words of a title.');
  }
  if (phrase.length > SEARCH_LIMITS.queryMax) {
    throw badInput(
      'query',
      `A search can be at most ${SEARCH_LIMITS.queryMax} characters; shorten it to a few words.`,
    );
  }
  const key = /^(?:([a-z][a-z0-9]{1,9})-)?(\d{1,9})$/.exec(phrase);
  const issueNumber =
    key && (key[1] === undefined || key[1] === programKey.toLowerCase()) ? Number(key[2]) : null;
  const words = [...new Set(phrase.split(' '))].slice(0, SEARCH_LIMITS.wordsMax);
  return { issueNumber, phrase, words };
}

/** Checks the number of results asked for (`first`), 1 to SEARCH_LIMITS.firstMax. */
export function assertSearchSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_LIMITS.firstMax) {
    throw badInput('first', `first must be from 1 to ${SEARCH_LIMITS.firstMax}.`);
  }
}

/** A text as a LIKE pattern that matches it literally (escape character `\`). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
