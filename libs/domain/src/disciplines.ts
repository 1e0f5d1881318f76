/**
 * The default discipline catalog (docs/domain.md#disciplines); a program may add its own codes.
 * Codes are stable identifiers; names are what people read.
 */
export interface DisciplineDefinition {
  readonly code: string;
  readonly name: string;
  /** Disciplines with veto-like standing (RAPID "Agree"): legal, contracting, technical authority. */
  readonly agreeRole: boolean;
}

export const DEFAULT_DISCIPLINES: readonly DisciplineDefinition[] = [
  { code: 'program-management', name: 'Program management', agreeRole: false },
  { code: 'engineering', name: 'Systems engineering', agreeRole: true },
  { code: 'test', name: 'Test & evaluation', agreeRole: false },
  { code: 'logistics', name: 'Logistics / product support', agreeRole: false },
  { code: 'contracting', name: 'Contracting', agreeRole: true },
  { code: 'cost', name: 'Cost & financial management', agreeRole: false },
  { code: 'manufacturing', name: 'Manufacturing & quality', agreeRole: false },
  { code: 'requirements', name: 'Requirements / user', agreeRole: false },
  { code: 'safety', name: 'Safety', agreeRole: false },
  { code: 'security', name: 'Security', agreeRole: false },
  { code: 'legal', name: 'Legal', agreeRole: true },
];

const DISCIPLINE_CODE = /^[a-z][a-z0-9-]{1,39}$/;

/** A discipline code is lower-case kebab: it appears in URLs, filters and demo e-mail addresses. */
export function isDisciplineCode(code: string): boolean {
  return DISCIPLINE_CODE.test(code);
}
