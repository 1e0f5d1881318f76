import { DUE_DATE_STAGES, dueDateOrderProblems, type DueDateStage } from '@ipt/domain';
import { endOfDayInZone } from '../../lib/dates';

/**
 * Dates people pick (a calendar day) and the instants the API stores. A due date picked as a day
 * means the end of that day in the program's time zone, so everyone on the program shares it.
 */

/**
 * The due-date order problems of days picked in a form (the rule is @ipt/domain's, the one the API
 * applies), by field: only the stages in `manual`, the ones a person set, are compared.
 */
export function dueDayProblems(
  days: Readonly<Partial<Record<DueDateStage, string>>>,
  manual: ReadonlySet<DueDateStage>,
  timeZone: string,
): Record<string, string> {
  const instants: Partial<Record<DueDateStage, Date | null>> = {};
  for (const stage of DUE_DATE_STAGES) {
    const instant = endOfDayInZone(days[stage] ?? '', timeZone);
    instants[stage] = instant ? new Date(instant) : null;
  }
  return Object.fromEntries(
    dueDateOrderProblems(instants, manual, timeZone).map((p) => [p.field, p.message]),
  );
}
