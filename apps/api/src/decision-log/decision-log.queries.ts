import { Injectable } from '@nestjs/common';
import { LIMITS, Tier, badInput } from '@ipt/domain';
import { storedInstant } from '../database/columns';
import { DatabaseService } from '../database/database.service';
import { DecisionEntity } from '../issues/decision.entity';
import { afterCursor, decodeCursor, encodeCursor } from '../issues/issue.queries';
import { ActorService, unseen } from '../programs/actor.service';
import { ProgramEntity } from '../programs/program.entity';
import type { UserEntity } from '../users/user.entity';

export interface DecisionFilter {
  readonly programKey?: string | null;
  readonly first?: number;
  readonly after?: string | null;
  readonly teamId?: string | null;
  readonly tier?: Tier | null;
  /** Who decided (`decided_by_id`). */
  readonly authorityId?: string | null;
  /** Decided at or after. */
  readonly decidedFrom?: Date | null;
  /** Decided before. */
  readonly decidedTo?: Date | null;
  /** true: superseded only; false: in force only. */
  readonly superseded?: boolean | null;
  /** true: with dissent only; false: without only. */
  readonly withDissent?: boolean | null;
}

export interface DecisionPage {
  readonly decisions: DecisionEntity[];
  readonly cursors: string[];
  readonly hasNextPage: boolean;
  /** How many match across all pages: counted only if asked. */
  readonly count: () => Promise<number>;
}

/**
 * Dissent: a discipline whose recommendation favoured another option (stored as a JSON array,
 * `[]` when none), or a formal non-concurrence filed against the decision.
 */
const DISSENT =
  "(d.dissenting_disciplines <> '[]'" +
  ' OR EXISTS (SELECT 1 FROM non_concurrences n WHERE n.decision_id = d.id))';

/** The decision log: every decision the caller can see, newest first, keyset-paginated. */
@Injectable()
export class DecisionLogQueries {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
  ) {}

  async page(user: UserEntity, filter: DecisionFilter): Promise<DecisionPage> {
    const first = filter.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSizeMax) {
      throw badInput('first', `first must be from 1 to ${LIMITS.pageSizeMax}.`);
    }
    if (filter.decidedFrom && filter.decidedTo && filter.decidedTo < filter.decidedFrom) {
      throw badInput('decidedTo', 'decidedTo must not be before decidedFrom.');
    }
    const manager = this.db.reader;
    const query = manager.createQueryBuilder(DecisionEntity, 'd');

    if (filter.programKey) {
      const program = await manager.findOneBy(ProgramEntity, {
        key: filter.programKey.trim().toUpperCase(),
      });
      if (!program) throw unseen(user, 'Program', filter.programKey);
      await this.actors.authorize(manager, user, program.id, { action: 'VIEW_PROGRAM' });
      query.where('d.program_id = :programId', { programId: program.id });
    } else {
      const visible = await this.actors.visibleProgramIds(manager, user);
      if (visible !== 'all') {
        if (visible.length === 0)
          return { decisions: [], cursors: [], hasNextPage: false, count: async () => 0 };
        query.where('d.program_id IN (:...visible)', { visible });
      }
    }
    if (filter.teamId) query.andWhere('d.team_id = :teamId', { teamId: filter.teamId });
    if (filter.tier) query.andWhere('d.tier = :tier', { tier: filter.tier });
    if (filter.authorityId) {
      query.andWhere('d.decided_by_id = :authorityId', { authorityId: filter.authorityId });
    }
    if (filter.decidedFrom) {
      query.andWhere('d.decided_at >= :decidedFrom', {
        decidedFrom: storedInstant(filter.decidedFrom),
      });
    }
    if (filter.decidedTo) {
      query.andWhere('d.decided_at < :decidedTo', { decidedTo: storedInstant(filter.decidedTo) });
    }
    if (filter.superseded === true) query.andWhere('d.superseded_by_id IS NOT NULL');
    if (filter.superseded === false) query.andWhere('d.superseded_by_id IS NULL');
    if (filter.withDissent === true) query.andWhere(DISSENT);
    if (filter.withDissent === false) query.andWhere(`NOT ${DISSENT}`);

    const counting = query.clone();
    if (filter.after) {
      query.andWhere(afterCursor('d.decided_at', 'd.id', decodeCursor(filter.after)));
    }
    const rows = await query
      .orderBy('d.decided_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const decisions = rows.slice(0, first);
    return {
      decisions,
      cursors: decisions.map((decision) =>
        encodeCursor({ at: storedInstant(decision.decidedAt), id: decision.id }),
      ),
      hasNextPage: rows.length > first,
      count: () => counting.getCount(),
    };
  }
}
