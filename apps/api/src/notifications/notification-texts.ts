import { TIER_NAMES, Tier, dateTimeInWords, dayInWords, isCalendarDay } from '@ipt/domain';

/**
 * What a notification says, in words a person reads at a glance. Due dates are shown in the
 * program's zone, as the day boundaries that decide "due soon" are.
 */
export interface NotificationText {
  readonly title: string;
  readonly message: string;
}

/** The path the web app opens for an issue. */
export function issueLink(issueKey: string): string {
  return `/issues/${issueKey}`;
}

/** An instant on the program's wall clock, as the web writes it too: "3 Mar 2026, 17:00 EST". */
export function programTime(instant: Date, timeZone: string): string {
  return dateTimeInWords(instant, timeZone);
}

const quoted = (text: string) => `“${text}”`;
const byWhom = (actorName: string | null) => (actorName ? ` by ${actorName}` : '');

export function ownerAssignedText(
  issue: { key: string; title: string },
  actorName: string | null,
): NotificationText {
  return {
    title: `You are now the owner of ${issue.key}`,
    message: `${quoted(issue.title)}: made yours${byWhom(actorName)}.`,
  };
}

export function actionItemAssignedText(
  issue: { key: string },
  item: { title: string; dueAt: Date },
  timeZone: string,
): NotificationText {
  return {
    title: `${issue.key}: an action item is assigned to you`,
    message: `${quoted(item.title)}, due ${programTime(item.dueAt, timeZone)}.`,
  };
}

export function awaitingDisciplineText(
  issue: { key: string; title: string; recommendationsDueAt: Date | null },
  disciplineName: string,
  teamName: string,
  timeZone: string,
): NotificationText {
  const due = issue.recommendationsDueAt
    ? `, due ${programTime(issue.recommendationsDueAt, timeZone)}`
    : '';
  return {
    title: `${issue.key} is waiting on your ${disciplineName} recommendation`,
    message: `${quoted(issue.title)} on ${teamName}${due}.`,
  };
}

export function decidedText(
  issue: { key: string; title: string },
  option: { label: string; title: string },
  teamName: string,
  actorName: string | null,
): NotificationText {
  return {
    title: `${issue.key} was decided: option ${option.label}`,
    message: `${quoted(issue.title)}: ${option.label} – ${option.title}, decided on ${teamName}${byWhom(actorName)}.`,
  };
}

export function escalatedText(
  issue: { key: string; title: string },
  from: { name: string; tier: Tier },
  to: { name: string; tier: Tier },
  escalatedBy: string | null,
  reason: string,
): NotificationText {
  const how = escalatedBy ? `by ${escalatedBy}` : 'by the program’s timeliness policy';
  return {
    title: `${issue.key} was escalated to ${to.name}`,
    message: `${quoted(issue.title)}: from ${from.name} (${TIER_NAMES[from.tier]}) to ${to.name} (${TIER_NAMES[to.tier]}) ${how}. ${localDatesInWords(reason)}`,
  };
}

/**
 * An escalation's reason as recorded names local dates of the program as 2026-03-07 (the record
 * keeps them so, and its hash covers them); a person reads "7 Mar 2026".
 */
export function localDatesInWords(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) =>
    isCalendarDay(date) ? dayInWords(date) : date,
  );
}

/** What a resolved due notification says instead: "No longer needed: HX-12 was decided." */
export function noLongerNeeded(why: string): string {
  return `No longer needed: ${why}`;
}

/** What waits on the person nudged, by why they hold the issue. */
export type NudgedFor =
  | { readonly reason: 'RECOMMENDATION'; readonly disciplineNames: readonly string[] }
  | { readonly reason: 'DECISION' | 'OWNER' | 'PROGRAM_MANAGER' };

export function nudgeText(
  issue: { key: string; title: string },
  nudgedFor: NudgedFor,
  dueAt: Date | null,
  now: Date,
  timeZone: string,
  programManagerName: string,
): NotificationText {
  const what =
    nudgedFor.reason === 'RECOMMENDATION'
      ? `your ${nudgedFor.disciplineNames.join(' and ')} recommendation`
      : nudgedFor.reason === 'DECISION'
        ? 'your decision'
        : nudgedFor.reason === 'OWNER'
          ? 'your next move as its owner'
          : 'your next move as program manager (nobody else can make it)';
  const due =
    dueAt === null
      ? ''
      : dueAt.getTime() < now.getTime()
        ? `, overdue since ${programTime(dueAt, timeZone)}`
        : `, due ${programTime(dueAt, timeZone)}`;
  return {
    title: `${programManagerName} nudged you about ${issue.key}`,
    message: `${quoted(issue.title)} waits on ${what}${due}.`,
  };
}

/** What is due: a discipline's recommendation, a decision, or an action item. */
export type DueWork =
  | { readonly what: 'recommendation'; readonly disciplineName: string }
  | { readonly what: 'decision' }
  | { readonly what: 'action-item'; readonly title: string };

export function dueText(
  kind: 'DUE_SOON' | 'OVERDUE',
  issue: { key: string; title: string },
  work: DueWork,
  dueAt: Date,
  timeZone: string,
): NotificationText {
  const subject =
    work.what === 'recommendation'
      ? `Your ${work.disciplineName} recommendation on ${issue.key}`
      : work.what === 'decision'
        ? `Your decision on ${issue.key}`
        : `Your action item on ${issue.key}`;
  const detail = work.what === 'action-item' ? quoted(work.title) : quoted(issue.title);
  return kind === 'OVERDUE'
    ? {
        title: `${subject} is overdue`,
        message: `${detail} was due ${programTime(dueAt, timeZone)}.`,
      }
    : {
        title: `${subject} is due soon`,
        message: `${detail} is due ${programTime(dueAt, timeZone)}.`,
      };
}
