import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_ISSUE_ORDER,
  ISSUE_STATUSES,
  IssueOrder,
  IssueOrderColumn,
  IssueStatus,
  LIMITS,
  NULLABLE_ORDER_COLUMNS,
  SortDirection,
  Tier,
  assertAuthorized,
  badInput,
  isDefaultIssueOrder,
} from '@ipt/domain';
import { Brackets, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { CLOCK, Clock } from '../common/clock';
import { INSTANT_LENGTH, storedInstant } from '../database/columns';
import { DatabaseService } from '../database/database.service';
import { ActorService, unseen } from '../programs/actor.service';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { IssueEntity } from './issue.entity';

export interface IssueFilter {
  readonly programKey?: string | null;
  readonly first?: number;
  readonly after?: string | null;
  /** Rows to skip: a table scrolled anywhere fetches the rows it shows. Not with `after`. */
  readonly offset?: number | null;
  readonly orderBy?: IssueOrder | null;
  readonly status?: readonly IssueStatus[] | null;
  readonly teamId?: string | null;
  readonly tier?: Tier | null;
  readonly consequence?: readonly number[] | null;
  readonly ownerId?: string | null;
  /** A required discipline still to recommend or be waived, on issues IN_REVIEW/AWAITING_DECISION. */
  readonly pendingDiscipline?: string | null;
  /** true: the current stage is past its due date now; false: it is not (or has none). */
  readonly overdue?: boolean | null;
  readonly text?: string | null;
  /** Raised at or after this instant. */
  readonly raisedFrom?: Date | null;
  /** Raised before this instant. */
  readonly raisedTo?: Date | null;
  /** Ended (the earliest of resolved, closed and withdrawn) at or after this instant. */
  readonly endedFrom?: Date | null;
  /** Ended before this instant. */
  readonly endedTo?: Date | null;
}

/** How many issues are in one status. */
export interface StatusCount {
  readonly status: IssueStatus;
  readonly count: number;
}

/** An issue of a page, with the owner and current team read in the same statement. */
export type IssueRow = IssueEntity & {
  readonly ownerRow?: UserEntity | null;
  readonly currentTeamRow?: TeamEntity;
};

export interface IssuePage {
  readonly issues: IssueRow[];
  readonly cursors: string[];
  readonly hasNextPage: boolean;
  /** How many match across all pages: counted only if asked (a page of a long list often isn't). */
  readonly count: () => Promise<number>;
}

/** A keyset position: the stored instant a list is ordered by, then the id breaking ties. */
export interface Cursor {
  readonly at: string;
  readonly id: string;
}

/** Statuses whose disciplines can still be pending. */
const GATHERING: readonly IssueStatus[] = [IssueStatus.IN_REVIEW, IssueStatus.AWAITING_DECISION];

/** The due date of the stage whose clock runs in each status (see `stageOfStatus`). */
const DUE_COLUMN_OF_STATUS: readonly (readonly [IssueStatus, string])[] = [
  [IssueStatus.OPEN, 'triage_due_at'],
  [IssueStatus.IN_REVIEW, 'recommendations_due_at'],
  [IssueStatus.AWAITING_DECISION, 'decision_due_at'],
  [IssueStatus.DECIDED, 'resolution_due_at'],
];

/**
 * The current stage is past its due date at `:now` (due dates compare as stored text, ADR 0003).
 * Never NULL, so `NOT` of it is exactly "not overdue", including stages without a due date.
 */
const OVERDUE = `(${DUE_COLUMN_OF_STATUS.map(
  ([status, column]) =>
    `(i.status = '${status}' AND i.${column} IS NOT NULL AND i.${column} < :now)`,
).join(' OR ')})`;

/**
 * When an issue ended: the earliest of its resolved, closed and withdrawn instants that are set
 * (the report's `issueEndedAt`, so a week's "closed" count and the tracker agree); NULL if none.
 * Stored instants are fixed-width ISO text, so the earliest is the least as text (ADR 0003).
 * The two databases differ on NULL: PostgreSQL's LEAST skips NULLs, but SQLite's scalar `min`
 * returns NULL if any argument is NULL. So on SQLite each argument falls back to the others:
 * every one is then a set instant (or all are NULL), and their min is the earliest set one.
 */
function endedAtSql(isPostgres: boolean): string {
  if (isPostgres) return 'LEAST(i.resolved_at, i.closed_at, i.withdrawn_at)';
  return (
    'min(coalesce(i.resolved_at, i.closed_at, i.withdrawn_at),' +
    ' coalesce(i.closed_at, i.resolved_at, i.withdrawn_at),' +
    ' coalesce(i.withdrawn_at, i.resolved_at, i.closed_at))'
  );
}

/** The issue tracker's reads: newest raised first, keyset-paginated so pages stay stable. */
@Injectable()
export class IssueQueries {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async page(user: UserEntity, filter: IssueFilter): Promise<IssuePage> {
    const first = filter.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSizeMax) {
      throw badInput('first', `first must be from 1 to ${LIMITS.pageSizeMax}.`);
    }
    if (filter.after && filter.offset !== undefined && filter.offset !== null) {
      throw badInput('offset', 'Pass either after or offset, not both.');
    }
    const order = filter.orderBy ?? DEFAULT_ISSUE_ORDER;
    const query = await this.filtered(user, filter);
    if (!query) return { issues: [], cursors: [], hasNextPage: false, count: async () => 0 };
    const counting = query.clone();

    // Newest raised first pages by keyset (stable while issues are raised); any other order, or a
    // jump, by position.
    const keyset = isDefaultIssueOrder(order);
    const start = filter.after ? decodeAnyCursor(filter.after) : null;
    let offset = filter.offset ?? 0;
    if (start && 'position' in start) offset = start.position;
    else if (start && !keyset) {
      throw badInput(
        'after',
        'after is a cursor of the newest-first order; pass the endCursor of a page in this order.',
      );
    }
    const terms = orderTerms(order, Boolean(filter.programKey), this.db.isPostgres);

    // The page's ids first, sorting only the sort keys: sorting whole rows (the condition
    // statement and all) of 100,000 issues to skip 50,000 took seconds (ADR 0025).
    const ids = counting.clone().select('i.id');
    if (order.column === IssueOrderColumn.OWNER) {
      ids.leftJoin(UserEntity, 'owner', 'owner.id = i.owner_id');
    }
    if (order.column === IssueOrderColumn.TEAM) {
      ids.innerJoin(TeamEntity, 'team', 'team.id = i.current_team_id');
    }
    if (start && !('position' in start)) {
      ids.andWhere(afterCursor('i.raised_at', 'i.id', start));
    }
    for (const [expression, direction] of terms) ids.addOrderBy(expression, direction);
    ids.limit(first + 1).offset(offset > 0 ? offset : undefined);

    // Then those rows whole, with what the tracker shows of the owner and the team, in the same
    // statement; the resolver hands those to the request's loaders, so the fields cost nothing.
    // The ids carry every filter: the rows are looked up by primary key alone.
    const page = this.db.reader
      .createQueryBuilder(IssueEntity, 'i')
      .where(`i.id IN (${ids.getQuery()})`)
      .setParameters(ids.getParameters())
      .leftJoinAndMapOne('i.ownerRow', UserEntity, 'owner', 'owner.id = i.owner_id')
      .innerJoinAndMapOne('i.currentTeamRow', TeamEntity, 'team', 'team.id = i.current_team_id');
    for (const [expression, direction] of terms) page.addOrderBy(expression, direction);
    const rows = (await page.getMany()) as IssueRow[];
    const issues = rows.slice(0, first);
    return {
      issues,
      cursors: issues.map((issue, index) =>
        keyset
          ? encodeCursor({ at: storedInstant(issue.raisedAt), id: issue.id })
          : encodePosition(offset + index + 1),
      ),
      hasNextPage: rows.length > first,
      count: () => counting.getCount(),
    };
  }

  /**
   * How many issues match the filters in each status, in one GROUP BY: every status is listed,
   * in lifecycle order, with 0 where none match.
   */
  async countByStatus(user: UserEntity, filter: IssueFilter): Promise<StatusCount[]> {
    const query = await this.filtered(user, filter);
    const rows = query
      ? await query
          .select('i.status', 'status')
          .addSelect('COUNT(*)', 'count')
          .groupBy('i.status')
          .getRawMany<{ status: IssueStatus; count: number | string }>()
      : [];
    const counted = new Map(rows.map((row) => [row.status, Number(row.count)]));
    return ISSUE_STATUSES.map((status) => ({ status, count: counted.get(status) ?? 0 }));
  }

  /**
   * The issues the person may see that match every filter, unordered; null when they can see no
   * program at all. Refused as NOT_FOUND / FORBIDDEN for a program they cannot see.
   */
  private async filtered(
    user: UserEntity,
    filter: IssueFilter,
  ): Promise<SelectQueryBuilder<IssueEntity> | null> {
    if (filter.raisedFrom && filter.raisedTo && filter.raisedTo < filter.raisedFrom) {
      throw badInput('raisedTo', 'raisedTo must not be before raisedFrom.');
    }
    if (filter.endedFrom && filter.endedTo && filter.endedTo < filter.endedFrom) {
      throw badInput('endedTo', 'endedTo must not be before endedFrom.');
    }
    const manager = this.db.reader;
    const query = manager.createQueryBuilder(IssueEntity, 'i');

    if (filter.programKey) {
      const found = await this.actors.forProgramKey(
        manager,
        user,
        filter.programKey.trim().toUpperCase(),
      );
      if (!found) throw unseen(user, 'Program', filter.programKey);
      assertAuthorized(found.actor, { action: 'VIEW_PROGRAM' });
      query.where('i.program_id = :programId', { programId: found.programId });
    } else {
      const visible = await this.actors.visibleProgramIds(manager, user);
      if (visible !== 'all') {
        if (visible.length === 0) return null;
        query.where('i.program_id IN (:...visible)', { visible });
      }
    }
    if (filter.status?.length)
      query.andWhere('i.status IN (:...status)', { status: filter.status });
    if (filter.teamId) query.andWhere('i.current_team_id = :teamId', { teamId: filter.teamId });
    if (filter.tier) query.andWhere('i.current_tier = :tier', { tier: filter.tier });
    if (filter.consequence?.length)
      query.andWhere('i.consequence IN (:...consequence)', { consequence: filter.consequence });
    if (filter.ownerId) query.andWhere('i.owner_id = :ownerId', { ownerId: filter.ownerId });
    const pendingDiscipline = filter.pendingDiscipline?.trim();
    if (pendingDiscipline) {
      // Pending = required, with neither a current recommendation nor a waiver (as `coverage`).
      query
        .andWhere('i.status IN (:...gathering)', { gathering: GATHERING })
        .andWhere(
          'EXISTS (SELECT 1 FROM issue_required_disciplines rd' +
            ' WHERE rd.issue_id = i.id AND rd.discipline = :pendingDiscipline)',
          { pendingDiscipline },
        )
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.issue_id = i.id' +
            ' AND r.discipline = :pendingDiscipline AND r.superseded_at IS NULL)',
          { pendingDiscipline },
        )
        .andWhere(
          'NOT EXISTS (SELECT 1 FROM waivers w' +
            ' WHERE w.issue_id = i.id AND w.discipline = :pendingDiscipline)',
          { pendingDiscipline },
        );
    }
    if (filter.overdue === true || filter.overdue === false) {
      const now = storedInstant(this.clock.now());
      query.andWhere(filter.overdue ? OVERDUE : `NOT ${OVERDUE}`, { now });
    }
    if (filter.raisedFrom) {
      query.andWhere('i.raised_at >= :raisedFrom', {
        raisedFrom: storedInstant(filter.raisedFrom),
      });
    }
    if (filter.raisedTo) {
      query.andWhere('i.raised_at < :raisedTo', { raisedTo: storedInstant(filter.raisedTo) });
    }
    if (filter.endedFrom) {
      query.andWhere(`${endedAtSql(this.db.isPostgres)} >= :endedFrom`, {
        endedFrom: storedInstant(filter.endedFrom),
      });
    }
    if (filter.endedTo) {
      query.andWhere(`${endedAtSql(this.db.isPostgres)} < :endedTo`, {
        endedTo: storedInstant(filter.endedTo),
      });
    }
    const text = filter.text?.trim();
    if (text) {
      const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((q) =>
          q
            .where("LOWER(i.key) LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("LOWER(i.title) LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("LOWER(i.condition_statement) LIKE :pattern ESCAPE '\\'", { pattern }),
        ),
      );
    }
    return query;
  }
}

/** Rows after a cursor in (instant DESC, id DESC) order. */
export function afterCursor(instantColumn: string, idColumn: string, cursor: Cursor): Brackets {
  return new Brackets((q: WhereExpressionBuilder) =>
    q
      .where(`${instantColumn} < :cursorAt`, { cursorAt: cursor.at })
      .orWhere(`(${instantColumn} = :cursorAt AND ${idColumn} < :cursorId)`, {
        cursorAt: cursor.at,
        cursorId: cursor.id,
      }),
  );
}

/** A position in an order other than newest first: the rows before it. */
export interface Position {
  readonly position: number;
}

/** Opaque to clients: base64url of `[instant, id]`. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/** Opaque to clients: base64url of `[position]`. */
export function encodePosition(position: number): string {
  return Buffer.from(JSON.stringify([position])).toString('base64url');
}

/** A cursor of either kind: a keyset cursor or a position. */
export function decodeAnyCursor(value: string): Cursor | Position {
  try {
    const parts = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    const [at, id] = parts;
    if (typeof at === 'string' && at.length === INSTANT_LENGTH && typeof id === 'string') {
      return { at, id };
    }
    if (parts.length === 1 && Number.isSafeInteger(at) && (at as number) >= 0) {
      return { position: at as number };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(
    'after',
    'after is not a cursor from this list; pass the endCursor of the previous page.',
  );
}

/** A keyset cursor (lists that page only newest first). */
export function decodeCursor(value: string): Cursor {
  const cursor = decodeAnyCursor(value);
  if ('position' in cursor) {
    throw badInput(
      'after',
      'after is not a cursor from this list; pass the endCursor of the previous page.',
    );
  }
  return cursor;
}

/** A status's place in the lifecycle, as SQL (the statuses are the domain's own constants). */
const STATUS_RANK = `CASE i.status ${ISSUE_STATUSES.map(
  (status, rank) => `WHEN '${status}' THEN ${rank}`,
).join(' ')} END`;

/** The current stage's due date, as SQL; NULL when it has none. */
const CURRENT_DUE = `CASE i.status ${DUE_COLUMN_OF_STATUS.map(
  ([status, column]) => `WHEN '${status}' THEN i.${column}`,
).join(' ')} ELSE NULL END`;

/**
 * ORDER BY terms for an order (libs/domain issue-order.ts): empty values last in either
 * direction, then the column, then newest raised first. Within one program the key orders by its
 * running number alone.
 */
function orderTerms(
  order: IssueOrder,
  oneProgram: boolean,
  isPostgres: boolean,
): [string, 'ASC' | 'DESC'][] {
  // Byte order of the lower-cased text on both databases, whatever PostgreSQL's locale.
  const text = (column: string) => `LOWER(${column})${isPostgres ? ' COLLATE "C"' : ''}`;
  const direction = order.direction === SortDirection.ASCENDING ? 'ASC' : 'DESC';
  const byColumn: Record<IssueOrderColumn, string[]> = {
    [IssueOrderColumn.KEY]: oneProgram
      ? ['i.number']
      : ['(SELECT p.key FROM programs p WHERE p.id = i.program_id)', 'i.number'],
    [IssueOrderColumn.TITLE]: [text('i.title')],
    [IssueOrderColumn.STATUS]: [STATUS_RANK],
    [IssueOrderColumn.CONSEQUENCE]: ['i.consequence'],
    [IssueOrderColumn.OWNER]: [text('owner.name')],
    [IssueOrderColumn.TEAM]: [text('team.name')],
    [IssueOrderColumn.RAISED]: ['i.raised_at'],
    [IssueOrderColumn.DUE]: [CURRENT_DUE],
  };
  const expressions = byColumn[order.column];
  const terms: [string, 'ASC' | 'DESC'][] = [];
  if (NULLABLE_ORDER_COLUMNS.has(order.column)) {
    terms.push([`CASE WHEN ${expressions[0]} IS NULL THEN 1 ELSE 0 END`, 'ASC']);
  }
  for (const expression of expressions) terms.push([expression, direction]);
  if (order.column !== IssueOrderColumn.RAISED) terms.push(['i.raised_at', 'DESC']);
  terms.push([
    'i.id',
    direction === 'ASC' && order.column === IssueOrderColumn.RAISED ? 'ASC' : 'DESC',
  ]);
  return terms;
}
