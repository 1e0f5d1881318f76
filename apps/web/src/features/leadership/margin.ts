/** How a decision stood against its due date, in words: "2 days before", "on the due date". */
export interface DecisionMargin {
  readonly verdict: 'ON_TIME' | 'LATE' | 'UNTIMED';
  readonly words: string;
}

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function days(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return `${oneDecimal.format(rounded)} ${rounded === 1 ? 'day' : 'days'}`;
}

/** marginDays: decided after (positive) or before (negative) the due date; null without one. */
export function decisionMargin(marginDays: number | null): DecisionMargin {
  if (marginDays === null) return { verdict: 'UNTIMED', words: 'No due date' };
  const rounded = Math.round(marginDays * 10) / 10;
  if (rounded > 0) return { verdict: 'LATE', words: `${days(rounded)} after the due date` };
  if (rounded < 0) return { verdict: 'ON_TIME', words: `${days(-rounded)} before the due date` };
  return { verdict: marginDays > 0 ? 'LATE' : 'ON_TIME', words: 'On the due date' };
}
