import { badInput } from './errors';

/** Input rules shared by the API (which enforces them) and the web app (which explains them). */
export const LIMITS = {
  titleMax: 200,
  textMax: 10_000,
  programKey: /^[A-Z][A-Z0-9]{1,9}$/,
  pageSizeMax: 100,
} as const;

export function requireText(field: string, value: string, max: number = LIMITS.textMax): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, `${field} must not be empty.`);
  if (trimmed.length > max)
    throw badInput(field, `${field} must be at most ${max} characters (it has ${trimmed.length}).`);
  return trimmed;
}

/** Issue keys look like `HX-42`: the program key, a dash, the program's running number. */
export function parseIssueKey(key: string): { programKey: string; number: number } | null {
  const match = /^([A-Z][A-Z0-9]{1,9})-(\d{1,9})$/.exec(key.trim().toUpperCase());
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  return { programKey: match[1], number: Number(match[2]) };
}

export function formatIssueKey(programKey: string, number: number): string {
  return `${programKey}-${number}`;
}
