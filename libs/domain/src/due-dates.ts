import { localDateOf } from './timeliness/calendar';

/** The stages whose due dates a person may set, in the order the lifecycle reaches them. */
export const DUE_DATE_STAGES = ['triage', 'recommendations', 'decision', 'resolution'] as const;
export type DueDateStage = (typeof DUE_DATE_STAGES)[number];

/** One problem with one input field, by the API's field name ("dueDates.decision"). */
export interface InputProblem {
  readonly field: string;
  readonly message: string;
}

/** How a stage reads as the subject of a sentence: "the decision is", "the recommendations are". */
const STAGE_SUBJECT: Readonly<Record<DueDateStage, string>> = {
  triage: 'the triage is',
  recommendations: 'the recommendations are',
  decision: 'the decision is',
  resolution: 'the resolution is',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A local calendar date ("2026-12-11") as people read it: "11 Dec 2026". */
export function dayInWords(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** One formatter per zone for the wall clock and the zone's abbreviation ("EST", "PDT"). */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant on a program's wall clock, as every screen and message writes one:
 * "3 Mar 2026, 17:00 EST" (the day as `dayInWords`, 24-hour time, the zone named).
 */
export function dateTimeInWords(instant: Date, timeZone: string): string {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    wallClocks.set(timeZone, format);
  }
  let time = '';
  let zone = '';
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'hour' || part.type === 'minute')
      time += time ? `:${part.value}` : part.value;
    else if (part.type === 'timeZoneName') zone = part.value;
  }
  return `${dayInWords(localDateOf(instant, timeZone))}, ${time} ${zone}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Due dates set by hand must follow the lifecycle's order: none may fall on a day before a stage
 * that comes ahead of it. Every stage out of order is reported at once, each at its own field,
 * against the latest date before it, in words and days of the program's time zone.
 *
 * Policy dates are set as each stage starts, from its own start, so only the stages in `manual`
 * are compared (a finished triage's policy date says nothing about when the review is due).
 */
export function dueDateOrderProblems(
  dates: Readonly<Partial<Record<DueDateStage, Date | null>>>,
  manual: ReadonlySet<DueDateStage>,
  timeZone: string,
): InputProblem[] {
  const problems: InputProblem[] = [];
  let latest: { stage: DueDateStage; due: Date } | null = null;
  for (const stage of DUE_DATE_STAGES) {
    const due = dates[stage];
    if (!due || !manual.has(stage)) continue;
    if (latest && due < latest.due) {
      const day = dayInWords(localDateOf(latest.due, timeZone));
      problems.push({
        field: `dueDates.${stage}`,
        message: `${capitalised(STAGE_SUBJECT[stage])} due before ${STAGE_SUBJECT[latest.stage]} — pick a day on or after ${day}.`,
      });
      continue;
    }
    latest = { stage, due };
  }
  return problems;
}

/**
 * A stage that starts now cannot be due already: its due date must come after `now`. The problem,
 * in words, or null.
 */
export function dueInPastProblem(
  stage: DueDateStage,
  due: Date,
  now: Date,
  timeZone: string,
): InputProblem | null {
  if (due > now) return null;
  return {
    field: `dueDates.${stage}`,
    message: `${capitalised(STAGE_SUBJECT[stage])} due in the past — pick ${dayInWords(localDateOf(now, timeZone))} or a later day.`,
  };
}
