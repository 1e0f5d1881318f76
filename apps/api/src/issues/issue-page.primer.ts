import { Injectable } from '@nestjs/common';
import type { ObjectLiteral } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { type OrderBy, findTagged, type TaggedPart } from '../database/fast-reads';
import { EventEntity } from '../events/event.entity';
import { type Loaders, windowKey } from '../graphql/loaders';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { ActionItemEntity } from './action-item.entity';
import { CommentEntity } from './comment.entity';
import { DecisionEntity } from './decision.entity';
import { EscalationEntity } from './escalation.entity';
import { IssueRequiredDisciplineEntity } from './issue-required-discipline.entity';
import { IssueEntity } from './issue.entity';
import { NonConcurrenceEntity } from './non-concurrence.entity';
import { OptionEntity } from './option.entity';
import { RecommendationEntity } from './recommendation.entity';
import { WaiverEntity } from './waiver.entity';

/** The fields of `Issue` whose answers come from the records read here. */
export const PRIMED_ISSUE_FIELDS: ReadonlySet<string> = new Set([
  'requiredDisciplines',
  'options',
  'coverage',
  'recommendations',
  'decisions',
  'escalations',
  'comments',
  'commentCount',
  'timeline',
  'timelineSize',
  'actionItems',
  'viewerActions',
]);

/**
 * How many of the newest events and comments the issue page asks for (`timeline(last:)`,
 * `comments(last:)`); the web pages back through the rest on request.
 */
export const PAGE_WINDOW = 100;

/** Columns that name a person or a team, on any record of an issue. */
const PERSON_COLUMNS = [
  'ownerId',
  'raisedById',
  'createdById',
  'authorId',
  'waivedById',
  'decidedById',
  'escalatedById',
  'actorId',
  'assigneeId',
  'completedById',
] as const;
const TEAM_COLUMNS = [
  'currentTeamId',
  'originTeamId',
  'teamId',
  'fromTeamId',
  'toTeamId',
  'reviewTeamId',
] as const;

/**
 * The issue page in two statements instead of one per relation and wave (22 with the session,
 * ADR 0024): every record of the issue, then the people, teams, program and current team's
 * members they name. The request's DataLoaders are primed with them, so the page's field
 * resolvers (unchanged, and still right for any other shape of query) find everything cached.
 */
@Injectable()
export class IssuePagePrimer {
  constructor(private readonly db: DatabaseService) {}

  async prime(issue: IssueEntity, loaders: Loaders): Promise<void> {
    const manager = this.db.reader;
    const ids = [issue.id];
    const records = await findTagged(
      manager,
      [
        part('required', IssueRequiredDisciplineEntity, 'issueId', ids, 'position'),
        part('options', OptionEntity, 'issueId', ids, 'label'),
        part('recommendations', RecommendationEntity, 'issueId', ids, 'submittedAt'),
        part('waivers', WaiverEntity, 'issueId', ids, 'waivedAt'),
        part('decisions', DecisionEntity, 'issueId', ids, 'decidedAt'),
        part('escalations', EscalationEntity, 'issueId', ids, 'escalatedAt'),
        // The newest of the timeline and the comments, as the page first shows them, and how
        // many there are: an issue with thousands of events reads no more than one with fifty.
        {
          ...part('comments', CommentEntity, 'issueId', ids, ['createdAt', 'id']),
          latest: PAGE_WINDOW,
        },
        { ...part('events', EventEntity, 'issueId', ids, 'seq'), latest: PAGE_WINDOW },
        part('actionItems', ActionItemEntity, 'issueId', ids, 'dueAt'),
        part('nonConcurrences', NonConcurrenceEntity, 'issueId', ids, 'filedAt'),
      ],
      [
        { tag: 'commentCount', entity: CommentEntity, column: 'issueId', value: issue.id },
        { tag: 'eventCount', entity: EventEntity, column: 'issueId', value: issue.id },
      ],
    );
    const of = <T>(tag: string) => (records.get(tag) ?? []) as T[];
    const options = of<OptionEntity>('options');
    const recommendations = of<RecommendationEntity>('recommendations');
    const decisions = of<DecisionEntity>('decisions');
    const actionItems = of<ActionItemEntity>('actionItems');
    const nonConcurrences = of<NonConcurrenceEntity>('nonConcurrences');

    loaders.requiredDisciplinesByIssue.prime(issue.id, of('required'));
    loaders.optionsByIssue.prime(issue.id, options);
    loaders.recommendationsByIssue.prime(issue.id, recommendations);
    loaders.waiversByIssue.prime(issue.id, of('waivers'));
    loaders.decisionsByIssue.prime(issue.id, decisions);
    loaders.escalationsByIssue.prime(issue.id, of('escalations'));
    // Comments share a time now and then; the sub-select may bring a few past the window.
    loaders.commentWindow.prime(
      windowKey(issue.id, PAGE_WINDOW),
      of<CommentEntity>('comments').slice(-PAGE_WINDOW),
    );
    loaders.eventWindow.prime(windowKey(issue.id, PAGE_WINDOW), of<EventEntity>('events'));
    const countOf = (tag: string) => Number(of<{ n: unknown }>(tag)[0]?.n ?? 0);
    loaders.commentCountByIssue.prime(issue.id, countOf('commentCount'));
    loaders.eventCountByIssue.prime(issue.id, countOf('eventCount'));
    loaders.actionItemsByIssue.prime(issue.id, actionItems);
    for (const option of options) loaders.option.prime(option.id, option);
    for (const recommendation of recommendations) {
      loaders.recommendation.prime(recommendation.id, recommendation);
    }
    for (const decision of decisions) {
      loaders.decision.prime(decision.id, decision);
      loaders.actionItemsByDecision.prime(
        decision.id,
        actionItems.filter((item) => item.decisionId === decision.id),
      );
      loaders.nonConcurrencesByDecision.prime(
        decision.id,
        nonConcurrences.filter((filed) => filed.decisionId === decision.id),
      );
    }

    // Whom and which teams the records name, the program, and the current team's members (the
    // page lists them, and the parent team it escalates to).
    const everything: ObjectLiteral[] = [issue, ...[...records.values()].flat()];
    const people = named(everything, PERSON_COLUMNS);
    const teams = named(everything, TEAM_COLUMNS);
    const refs = await findTagged(manager, [
      part('program', ProgramEntity, 'id', [issue.programId]),
      part('teams', TeamEntity, 'id', teams),
      {
        ...part('parentTeam', TeamEntity, 'id', []),
        within: {
          sql: 'SELECT p.parent_team_id FROM teams p WHERE p.id = ?',
          parameter: issue.currentTeamId,
        },
      },
      part('members', MembershipEntity, 'teamId', [issue.currentTeamId], ['createdAt', 'id']),
      part('people', UserEntity, 'id', people),
      {
        ...part('memberPeople', UserEntity, 'id', []),
        within: {
          sql: 'SELECT m.user_id FROM memberships m WHERE m.team_id = ?',
          parameter: issue.currentTeamId,
        },
      },
    ]);
    const members = (refs.get('members') ?? []) as MembershipEntity[];
    loaders.membershipsByTeam.prime(issue.currentTeamId, members);
    for (const program of (refs.get('program') ?? []) as ProgramEntity[]) {
      loaders.program.prime(program.id, program);
    }
    const refsOf = <T>(...tags: string[]) => tags.flatMap((tag) => (refs.get(tag) ?? []) as T[]);
    for (const team of refsOf<TeamEntity>('teams', 'parentTeam')) loaders.team.prime(team.id, team);
    for (const user of refsOf<UserEntity>('people', 'memberPeople')) {
      loaders.user.prime(user.id, user);
    }
  }
}

function part<T extends ObjectLiteral>(
  tag: string,
  entity: TaggedPart<T>['entity'],
  column: keyof T & string,
  values: readonly string[],
  orderBy?: OrderBy<T>,
): TaggedPart {
  return { tag, entity, column, values, ...(orderBy ? { orderBy } : {}) } as TaggedPart;
}

/** The distinct ids these records hold in these columns. */
function named(records: readonly ObjectLiteral[], columns: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const record of records) {
    for (const column of columns) {
      const value: unknown = record[column];
      if (typeof value === 'string') ids.add(value);
    }
  }
  return [...ids];
}
