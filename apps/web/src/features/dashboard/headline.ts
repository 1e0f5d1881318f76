import type { TimelinessReport } from './api/get-timeliness';
import { formatDays, formatIssues, formatRate, weeksBetween } from './format';

export type TrendDirection = 'up' | 'down' | 'flat' | 'unknown';

/** One headline figure, ready to show: its value, its trend and the previous value in words. */
export interface HeadlineCard {
  readonly id:
    'open' | 'overdue' | 'medianResolutionDays' | 'decisionOnTimeRate' | 'escalationRate';
  readonly title: string;
  readonly value: string;
  readonly direction: TrendDirection;
  /** Whether the change is for the better, the worse, or neither (no change, no data). */
  readonly verdict: 'better' | 'worse' | 'neutral';
  /** "up 13 since the period’s start"; "no change". */
  readonly change: string;
  /** "was 1 at the period’s start". */
  readonly previous: string;
}

type Kind = 'count' | 'days' | 'rate';

interface Definition {
  readonly id: HeadlineCard['id'];
  readonly title: string;
  readonly kind: Kind;
  /** Lower is better for every figure but the on-time rate. */
  readonly higherIsBetter: boolean;
  /** Open and overdue compare with the period's start; the others with the period before. */
  readonly comparedWith: 'start' | 'period';
}

const DEFINITIONS: readonly Definition[] = [
  { id: 'open', title: 'Open issues', kind: 'count', higherIsBetter: false, comparedWith: 'start' },
  { id: 'overdue', title: 'Overdue', kind: 'count', higherIsBetter: false, comparedWith: 'start' },
  {
    id: 'medianResolutionDays',
    title: 'Median time to resolution',
    kind: 'days',
    higherIsBetter: false,
    comparedWith: 'period',
  },
  {
    id: 'decisionOnTimeRate',
    title: 'On-time decision rate',
    kind: 'rate',
    higherIsBetter: true,
    comparedWith: 'period',
  },
  {
    id: 'escalationRate',
    title: 'Escalation rate',
    kind: 'rate',
    higherIsBetter: false,
    comparedWith: 'period',
  },
];

function format(kind: Kind, value: number | null): string {
  if (kind === 'days') return formatDays(value);
  if (kind === 'rate') return formatRate(value);
  return value === null ? 'no data' : formatIssues(value);
}

function difference(kind: Kind, delta: number): string {
  const size = Math.abs(delta);
  if (kind === 'days') return formatDays(size);
  if (kind === 'rate') return `${Math.round(size * 100)} points`;
  return String(size);
}

/** The five headline figures, each with its trend against the previous value. */
export function headlineCards(report: Pick<TimelinessReport, 'headline' | 'from' | 'to'>) {
  const weeks = weeksBetween(report.from, report.to);
  const before = `in the previous ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
  return DEFINITIONS.map((definition): HeadlineCard => {
    const { value, previous } = report.headline[definition.id];
    const since =
      definition.comparedWith === 'start' ? 'since the period’s start' : `than ${before}`;
    const when = definition.comparedWith === 'start' ? 'at the period’s start' : before;
    const bare = (n: number) =>
      definition.kind === 'count' ? String(n) : format(definition.kind, n);
    const previousWords =
      previous === null || previous === undefined
        ? definition.kind === 'days'
          ? `no resolutions ${before}`
          : `no data ${when}`
        : `was ${bare(previous)} ${when}`;

    let direction: TrendDirection = 'unknown';
    let change = 'no earlier figure to compare';
    if (value !== null && value !== undefined && previous !== null && previous !== undefined) {
      const delta = value - previous;
      const negligible = definition.kind === 'rate' ? Math.abs(delta) < 0.005 : delta === 0;
      direction = negligible ? 'flat' : delta > 0 ? 'up' : 'down';
      change =
        direction === 'flat'
          ? `no change ${since}`
          : definition.comparedWith === 'start'
            ? `${direction} ${difference(definition.kind, delta)} ${since}`
            : `${difference(definition.kind, delta)} ${delta > 0 ? 'higher' : 'lower'} ${since}`;
    }
    const verdict =
      direction === 'up'
        ? definition.higherIsBetter
          ? 'better'
          : 'worse'
        : direction === 'down'
          ? definition.higherIsBetter
            ? 'worse'
            : 'better'
          : 'neutral';
    return {
      id: definition.id,
      title: definition.title,
      value: format(definition.kind, value ?? null),
      direction,
      verdict,
      change,
      previous: previousWords,
    };
  });
}
