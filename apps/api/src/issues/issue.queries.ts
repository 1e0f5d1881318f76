import { Injectable } from '@nestjs/common';
import { IssueStatus, LIMITS, Tier, badInput, notFound } from '@ipt/domain';
import { Brackets } from 'typeorm';
import { storedInstant } from '../database/columns';
import { DatabaseService } from '../database/database.service';
import { ActorService } from '../programs/actor.service';
import { ProgramEntity } from '../programs/program.entity';
import type { UserEntity } from '../users/user.entity';
import { IssueEntity } from './issue.entity';

export interface IssueFilter {
  readonly programKey?: string | null;
  readonly first?: number;
  readonly after?: string | null;
  readonly status?: readonly IssueStatus[] | null;
  readonly teamId?: string | null;
  readonly tier?: Tier | null;
  readonly consequence?: readonly number[] | null;
  readonly ownerId?: string | null;
  readonly text?: string | null;
}

export interface IssuePage {
  readonly issues: IssueEntity[];
  readonly cursors: string[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

interface Cursor {
  readonly raisedAt: string;
  readonly id: string;
}

/** The issue tracker's reads: newest raised first, keyset-paginated so pages stay stable. */
@Injectable()
export class IssueQueries {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
  ) {}

  async page(user: UserEntity, filter: IssueFilter): Promise<IssuePage> {
    const first = filter.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSizeMax) {
      throw badInput('first', `first must be from 1 to ${LIMITS.pageSizeMax}.`);
    }
    const manager = this.db.reader;
    const query = manager.createQueryBuilder(IssueEntity, 'i');

    if (filter.programKey) {
      const program = await manager.findOneBy(ProgramEntity, {
        key: filter.programKey.trim().toUpperCase(),
      });
      if (!program) throw notFound('Program', filter.programKey);
      await this.actors.authorize(manager, user, program.id, { action: 'VIEW_PROGRAM' });
      query.where('i.program_id = :programId', { programId: program.id });
    } else {
      const visible = await this.actors.visibleProgramIds(manager, user);
      if (visible !== 'all') {
        if (visible.length === 0)
          return { issues: [], cursors: [], hasNextPage: false, totalCount: 0 };
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

    const totalCount = await query.clone().getCount();
    if (filter.after) {
      const cursor = decodeCursor(filter.after);
      query.andWhere(
        new Brackets((q) =>
          q
            .where('i.raised_at < :raisedAt', { raisedAt: cursor.raisedAt })
            .orWhere('(i.raised_at = :raisedAt AND i.id < :id)', {
              raisedAt: cursor.raisedAt,
              id: cursor.id,
            }),
        ),
      );
    }
    const rows = await query
      .orderBy('i.raised_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const issues = rows.slice(0, first);
    return {
      issues,
      cursors: issues.map((issue) =>
        encodeCursor({ raisedAt: storedInstant(issue.raisedAt), id: issue.id }),
      ),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.raisedAt, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  try {
    const [raisedAt, id] = JSON.parse(
      Buffer.from(value, 'base64url').toString('utf8'),
    ) as unknown[];
    if (typeof raisedAt === 'string' && typeof id === 'string') return { raisedAt, id };
  } catch {
    // fall through to the error below
  }
  throw badInput(
    'after',
    'after is not a cursor from this list; pass the endCursor of the previous page.',
  );
}
