import DataLoader from 'dataloader';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { type OrderBy, findWhereIn } from '../database/fast-reads';
import { EventEntity } from '../events/event.entity';
import { ActionItemEntity } from '../issues/action-item.entity';
import { CommentEntity } from '../issues/comment.entity';
import { DecisionEntity } from '../issues/decision.entity';
import { EscalationEntity } from '../issues/escalation.entity';
import { IssueRequiredDisciplineEntity } from '../issues/issue-required-discipline.entity';
import { IssueEntity } from '../issues/issue.entity';
import { NonConcurrenceEntity } from '../issues/non-concurrence.entity';
import { OptionEntity } from '../issues/option.entity';
import { RecommendationEntity } from '../issues/recommendation.entity';
import { WaiverEntity } from '../issues/waiver.entity';
import { DisciplineEntity } from '../programs/discipline.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One fresh set per GraphQL request: each relation of a page of issues or decisions costs one
 * statement, whatever the page size (twenty's dataloaders, in spirit). Loaders that several
 * fields share (`user`, `team`, `recommendationsByIssue`) cache what they loaded, so a second
 * field asking for the same rows costs nothing.
 */
export function createLoaders(manager: EntityManager) {
  function byId<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>) {
    return new DataLoader<string, T | null>(async (ids) => {
      const rows = await findWhereIn(manager, entity, 'id', ids);
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  function groupedBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    orderBy: OrderBy<T>,
  ) {
    return new DataLoader<string, T[]>(async (keys) => {
      const rows = await findWhereIn(manager, entity, column, keys, orderBy);
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(row[column] as string)?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    });
  }

  /**
   * Each issue's newest `last` rows (before the event `before`), oldest first: one statement for
   * every issue asking the same window, whatever their number (a list of issues with their
   * timelines), ranked per issue with ROW_NUMBER on both databases.
   */
  function newestPerIssue<T extends ObjectLiteral & { issueId: string | null }>(
    entity: EntityTarget<T>,
    alias: string,
    table: string,
    key: 'seq' | 'id',
    newestFirst: string,
    oldestFirst: string | readonly string[],
    pagesBack: boolean,
  ) {
    return new DataLoader<string, T[]>(async (keys) => {
      const windows = new Map<string, { last: number; before: number | null; ids: string[] }>();
      for (const key of keys) {
        const { issueId, last, before } = parseWindowKey(key);
        const window = `${last}|${before ?? ''}`;
        const group = windows.get(window) ?? { last, before, ids: [] };
        group.ids.push(issueId);
        windows.set(window, group);
      }
      const found = new Map<string, T[]>();
      for (const { last, before, ids } of windows.values()) {
        const earlier = pagesBack && before !== null ? ' AND x.seq < :before' : '';
        const query = manager
          .createQueryBuilder(entity, alias)
          .where(
            `${alias}.${key} IN (SELECT w.${key} FROM (SELECT x.${key}, ROW_NUMBER() OVER ` +
              `(PARTITION BY x.issue_id ORDER BY ${newestFirst}) AS rn FROM ${table} x ` +
              `WHERE x.issue_id IN (:...ids)${earlier}) w WHERE w.rn <= :last)`,
            { ids, before, last },
          );
        const [first, ...rest] = typeof oldestFirst === 'string' ? [oldestFirst] : oldestFirst;
        query.orderBy(first as string, 'ASC');
        for (const column of rest) query.addOrderBy(column, 'ASC');
        for (const row of await query.getMany()) {
          const rowKey = windowKey(row.issueId as string, last, before);
          const list = found.get(rowKey);
          if (list) list.push(row);
          else found.set(rowKey, [row]);
        }
      }
      return keys.map((key) => found.get(key) ?? []);
    });
  }

  /** Rows per issue id counted in one statement. */
  function countBy<T extends ObjectLiteral>(entity: EntityTarget<T>, column: keyof T & string) {
    return new DataLoader<string, number>(async (keys) => {
      const rows = await manager
        .createQueryBuilder(entity, 't')
        .select(`t.${column}`, 'key')
        .addSelect('COUNT(*)', 'n')
        .where(`t.${column} IN (:...keys)`, { keys })
        .groupBy(`t.${column}`)
        .getRawMany<{ key: string; n: number | string }>();
      const counts = new Map(rows.map((row) => [row.key, Number(row.n)]));
      return keys.map((key) => counts.get(key) ?? 0);
    });
  }

  return {
    user: byId(UserEntity),
    team: byId(TeamEntity),
    program: byId(ProgramEntity),
    issue: byId(IssueEntity),
    option: byId(OptionEntity),
    decision: byId(DecisionEntity),
    recommendation: byId(RecommendationEntity),
    teamsByProgram: groupedBy(TeamEntity, 'programId', 'name'),
    disciplinesByProgram: groupedBy(DisciplineEntity, 'programId', 'name'),
    // Members added together (a team set up at once) in one order on both databases.
    membershipsByTeam: groupedBy(MembershipEntity, 'teamId', ['createdAt', 'id']),
    requiredDisciplinesByIssue: groupedBy(IssueRequiredDisciplineEntity, 'issueId', 'position'),
    optionsByIssue: groupedBy(OptionEntity, 'issueId', 'label'),
    recommendationsByIssue: groupedBy(RecommendationEntity, 'issueId', 'submittedAt'),
    waiversByIssue: groupedBy(WaiverEntity, 'issueId', 'waivedAt'),
    decisionsByIssue: groupedBy(DecisionEntity, 'issueId', 'decidedAt'),
    actionItemsByDecision: groupedBy(ActionItemEntity, 'decisionId', 'dueAt'),
    actionItemsByIssue: groupedBy(ActionItemEntity, 'issueId', 'dueAt'),
    nonConcurrencesByDecision: groupedBy(NonConcurrenceEntity, 'decisionId', 'filedAt'),
    escalationsByIssue: groupedBy(EscalationEntity, 'issueId', 'escalatedAt'),
    commentsByIssue: groupedBy(CommentEntity, 'issueId', 'createdAt'),
    eventsByIssue: groupedBy(EventEntity, 'issueId', 'seq'),
    eventCountByIssue: countBy(EventEntity, 'issueId'),
    commentCountByIssue: countBy(CommentEntity, 'issueId'),
    /** Issues' newest events, oldest first; keyed by `windowKey`. */
    eventWindow: newestPerIssue(EventEntity, 'e', 'events', 'seq', 'x.seq DESC', 'e.seq', true),
    /** Issues' newest comments, oldest first; keyed by `windowKey` (no `before`). */
    commentWindow: newestPerIssue(
      CommentEntity,
      'c',
      'comments',
      'id',
      'x.created_at DESC, x.id DESC',
      ['c.createdAt', 'c.id'],
      false,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The key of an issue's window of newest rows: `last` of them, before `before` when paging back. */
export function windowKey(issueId: string, last: number, before: number | null = null): string {
  return `${issueId}|${last}|${before ?? ''}`;
}

function parseWindowKey(key: string): { issueId: string; last: number; before: number | null } {
  const [issueId = '', last = '0', before = ''] = key.split('|');
  return { issueId, last: Number(last), before: before === '' ? null : Number(before) };
}
