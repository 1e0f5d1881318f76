import { STAGES, type Stage } from '@ipt/domain';
import { STAGE_NAMES } from './due';
import { formatConsequence, formatImpactArea, formatStatus } from './format';

/** Each event type of an issue's history, in words. */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  ISSUE_RAISED: 'Issue raised',
  ISSUE_TRIAGED: 'Issue triaged',
  ISSUE_UPDATED: 'Issue edited',
  OPTION_ADDED: 'Option added',
  RECOMMENDATION_SUBMITTED: 'Recommendation submitted',
  DISCIPLINE_WAIVED: 'Discipline waived',
  DECISION_RECORDED: 'Decision recorded',
  DECISION_SUPERSEDED: 'Superseding decision recorded',
  ACTION_ITEM_COMPLETED: 'Action item completed',
  NON_CONCURRENCE_FILED: 'Non-concurrence filed',
  ISSUE_ESCALATED: 'Issue escalated',
  ISSUE_RESOLVED: 'Issue resolved',
  ISSUE_CLOSED: 'Issue closed',
  ISSUE_WITHDRAWN: 'Issue withdrawn',
  COMMENT_ADDED: 'Comment added',
  ISSUE_NUDGED: 'Nudged the people it waits on',
  DUE_DATES_RECOMPUTED: 'Due dates recomputed',
  TIMELINESS_POLICY_CHANGED: 'Timeliness policy changed',
};

/** What someone did, to follow their name: "Pat Morgan recorded a decision". */
export const ACTIVITY_VERBS: Readonly<Record<string, string>> = {
  ISSUE_RAISED: 'raised the issue',
  ISSUE_TRIAGED: 'triaged the issue',
  ISSUE_UPDATED: 'edited the issue',
  OPTION_ADDED: 'added an option',
  RECOMMENDATION_SUBMITTED: 'submitted a recommendation',
  DISCIPLINE_WAIVED: 'waived a discipline',
  DECISION_RECORDED: 'recorded a decision',
  DECISION_SUPERSEDED: 'recorded a superseding decision',
  ACTION_ITEM_COMPLETED: 'completed an action item',
  NON_CONCURRENCE_FILED: 'filed a non-concurrence',
  ISSUE_ESCALATED: 'escalated the issue',
  ISSUE_RESOLVED: 'resolved the issue',
  ISSUE_CLOSED: 'closed the issue',
  ISSUE_WITHDRAWN: 'withdrew the issue',
  COMMENT_ADDED: 'commented',
  ISSUE_NUDGED: 'nudged the people the issue waits on',
  DUE_DATES_RECOMPUTED: 'recomputed the due dates',
  TIMELINESS_POLICY_CHANGED: 'changed the timeliness policy',
};

/** Who acted when no person did: the timeliness policy escalates and recomputes due dates. */
const SYSTEM_ACTIVITY: Readonly<Record<string, string>> = {
  ISSUE_ESCALATED: 'The timeliness policy escalated the issue',
  DUE_DATES_RECOMPUTED: 'Due dates recomputed after a policy change',
};

function humanize(type: string): string {
  const words = type.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? humanize(type);
}

/** "Pat Morgan recorded a decision"; "The system escalated the issue" when nobody did. */
export function activityMessage(activity: { type: string; actorName: string | null }): string {
  if (activity.actorName === null && SYSTEM_ACTIVITY[activity.type]) {
    return SYSTEM_ACTIVITY[activity.type]!;
  }
  const who = activity.actorName ?? 'The system';
  const what = ACTIVITY_VERBS[activity.type] ?? `changed the issue (${eventLabel(activity.type)})`;
  return `${who} ${what}`;
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  status: 'Status',
  title: 'Title',
  conditionStatement: 'Condition',
  consequence: 'Consequence',
  impactArea: 'Impact area',
  owner: 'Owner',
  requiredDisciplines: 'Required disciplines',
  dueDates: 'Due',
  triage: 'Triage',
  recommendations: 'Recommendations',
  decision: 'Decision',
  resolution: 'Resolution',
  triageDueAt: 'Triage due',
  recommendationsDueAt: 'Recommendations due',
  decisionDueAt: 'Decision due',
  resolutionDueAt: 'Resolution due',
  label: 'Label',
  description: 'Description',
  impacts: 'Impacts',
  discipline: 'Discipline',
  option: 'Option',
  rationale: 'Rationale',
  impactAssessment: 'Impact assessment',
  alternatives: 'Alternatives',
  reason: 'Reason',
  note: 'Note',
  team: 'Team',
  tier: 'Tier',
  source: 'By',
  dissentingDisciplines: 'Dissent',
  actionItems: 'Action items',
  openActionItems: 'Open action items',
  doneAt: 'Done',
  body: 'Comment',
  manualDueStages: 'Due dates set by hand',
};

/**
 * What events carry for the timeliness figures (the issue's snapshot, and payloads naming teams
 * and instants by id): they rebuild the past, and say nothing to a person reading the history.
 */
const PAYLOAD_KEYS: ReadonlySet<string> = new Set([
  'snapshot',
  'recommendation',
  'decision',
  'escalation',
]);

function isStageCode(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** Bookkeeping that says nothing to a person reading the history. */
function isHidden(key: string): boolean {
  return (
    key === 'version' ||
    key === 'id' ||
    key === 'key' ||
    key === 'issue' ||
    key.endsWith('Id') ||
    key.endsWith('Ids')
  );
}

function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? humanize(key.replace(/([a-z])([A-Z])/g, '$1_$2'));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_TEXT = 240;

export interface SummaryContext {
  formatDateTime: (iso: string) => string;
  /** A calendar day in the program's zone; the date-time when left out. */
  formatDay?: (iso: string) => string;
  disciplineName: (code: string) => string;
}

function formatValue(key: string, value: unknown, context: SummaryContext): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const names =
      key === 'requiredDisciplines' || key === 'dissentingDisciplines'
        ? value.map((code) => context.disciplineName(String(code)))
        : key === 'manualDueStages'
          ? value.map((stage) =>
              isStageCode(String(stage)) ? STAGE_NAMES[stage as Stage] : String(stage),
            )
          : value.map((item) => formatValue(key, item, context));
    return names.join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    return key === 'consequence' ? formatConsequence(value) : String(value);
  }
  if (typeof value === 'string') {
    if (key === 'status') return formatStatus(value);
    if (key === 'impactArea') return formatImpactArea(value);
    if (key === 'discipline') return context.disciplineName(value);
    if (key === 'source') return value === 'POLICY' ? 'policy' : 'a person';
    if (ISO_INSTANT.test(value)) return context.formatDateTime(value);
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  }
  return JSON.stringify(value);
}

export interface ChangeLine {
  readonly field: string;
  /** null: the field has no "before" (it was set by this event). */
  readonly before: string | null;
  readonly after: string | null;
}

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function flatten(
  object: Record<string, unknown>,
  prefix = '',
  labelPrefix = '',
): Map<string, { label: string; key: string; value: unknown }> {
  const out = new Map<string, { label: string; key: string; value: unknown }>();
  for (const [key, value] of Object.entries(object)) {
    if (isHidden(key)) continue;
    if (prefix === '' && PAYLOAD_KEYS.has(key) && typeof value === 'object' && value !== null)
      continue;
    const label =
      labelPrefix === fieldLabel('dueDates')
        ? `${fieldLabel(key)} due`
        : labelPrefix
          ? `${labelPrefix} ${fieldLabel(key).toLowerCase()}`
          : fieldLabel(key);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const nested = flatten(value as Record<string, unknown>, `${prefix}${key}.`, label);
      for (const [path, entry] of nested) out.set(path, entry);
    } else {
      out.set(`${prefix}${key}`, { label, key, value });
    }
  }
  return out;
}

/**
 * An event's before/after JSON as lines a person can read: "Status: In review → Awaiting
 * decision". Bookkeeping (ids, versions) is left out; dates, statuses and disciplines are named.
 */
export function summariseChange(
  before: string | null,
  after: string | null,
  context: SummaryContext,
): ChangeLine[] {
  const was = flatten(parse(before));
  const now = flatten(parse(after));
  const paths = [...now.keys(), ...[...was.keys()].filter((path) => !now.has(path))];
  // A person's escalation is said by the actor already; only the policy's is worth a line.
  const worthSaying = (path: string) =>
    now.get(path)?.value !== 'PERSON' || !path.endsWith('source');
  return paths.filter(worthSaying).flatMap((path) => {
    const b = was.get(path);
    const a = now.get(path);
    const entry = (a ?? b)!;
    const line = {
      field: entry.label,
      before: b ? formatValue(b.key, b.value, context) : null,
      after: a ? formatValue(a.key, a.value, context) : null,
    };
    // "Status: In review → In review" says nothing.
    return line.before !== null && line.before === line.after ? [] : [line];
  });
}

interface TimelineEventLike {
  readonly type: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly actor?: { readonly name: string } | null;
}

function isPolicyEscalation(event: TimelineEventLike): boolean {
  return event.type === 'ISSUE_ESCALATED' && parse(event.after)['source'] === 'POLICY';
}

/** Who did it: the person, or the timeliness policy when it acted, else the system. */
export function eventActorName(event: TimelineEventLike): string {
  if (event.actor) return event.actor.name;
  if (isPolicyEscalation(event) || event.type === 'DUE_DATES_RECOMPUTED')
    return 'Timeliness policy';
  return 'The system';
}

function dueDatesOf(json: string | null): Record<string, unknown> {
  const dueDates = parse(json)['dueDates'];
  return typeof dueDates === 'object' && dueDates !== null && !Array.isArray(dueDates)
    ? (dueDates as Record<string, unknown>)
    : {};
}

/** "decision due Mar 4, 2026 → Mar 6, 2026", one per stage, in stage order. */
function recomputedDates(event: TimelineEventLike, context: SummaryContext): string {
  const day = context.formatDay ?? context.formatDateTime;
  const was = dueDatesOf(event.before);
  const now = dueDatesOf(event.after);
  const stages = STAGES.filter((stage) => typeof now[stage] === 'string');
  return stages
    .map((stage) => {
      const to = day(now[stage] as string);
      const from = typeof was[stage] === 'string' ? day(was[stage] as string) : null;
      const name = STAGE_NAMES[stage].toLowerCase();
      return from === null ? `${name} due ${to} (none before)` : `${name} due ${from} → ${to}`;
    })
    .join('; ');
}

export interface EventStory {
  /** The event in one sentence, where its before/after lines alone would not tell it. */
  readonly sentence: string | null;
  readonly lines: ChangeLine[];
}

/**
 * An event as a person reads it: a sentence for what the timeliness policy did ("Due dates
 * recomputed after a policy change: decision due Mar 4 → Mar 6"; "Escalated by the timeliness
 * policy: <reason>"), and the before/after lines the sentence does not already say.
 */
export function eventStory(event: TimelineEventLike, context: SummaryContext): EventStory {
  if (event.type === 'DUE_DATES_RECOMPUTED') {
    const dates = recomputedDates(event, context);
    return {
      sentence: dates
        ? `Due dates recomputed after a policy change: ${dates}`
        : 'Due dates recomputed after a policy change.',
      lines: [],
    };
  }
  const lines = summariseChange(event.before, event.after, context);
  if (isPolicyEscalation(event)) {
    const reason = parse(event.after)['reason'];
    return {
      sentence:
        typeof reason === 'string' && reason.trim()
          ? `Escalated by the timeliness policy: ${reason}`
          : 'Escalated by the timeliness policy.',
      lines: lines.filter(
        (line) => line.field !== fieldLabel('reason') && line.field !== fieldLabel('source'),
      ),
    };
  }
  return { sentence: null, lines };
}

/** The issue version an event produced (every versioned change writes it into `after`). */
export function eventVersion(event: { after: string | null }): number | null {
  const version = parse(event.after)['version'];
  return typeof version === 'number' ? version : null;
}

/** The changes made since a person read `version`: events that produced a later version. */
export function changesSince<E extends { after: string | null; seq: number }>(
  timeline: readonly E[],
  version: number,
): E[] {
  return timeline
    .filter((event) => (eventVersion(event) ?? 0) > version)
    .sort((a, b) => a.seq - b.seq);
}
