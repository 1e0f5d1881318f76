import { Injectable } from '@nestjs/common';
import {
  SearchRank,
  assertAuthorized,
  assertSearchSize,
  likeLiteral,
  parseSearchQuery,
  type ParsedSearch,
} from '@ipt/domain';
import { Brackets, type WhereExpressionBuilder } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { DecisionEntity } from '../issues/decision.entity';
import { IssueEntity } from '../issues/issue.entity';
import { OptionEntity } from '../issues/option.entity';
import { ActorService, unseen } from '../programs/actor.service';
import type { UserEntity } from '../users/user.entity';

export interface SearchRequest {
  readonly programKey: string;
  readonly query: string;
  readonly first?: number | null;
}

export interface SearchFound {
  readonly issues: IssueEntity[];
  readonly decisions: DecisionEntity[];
}

/** Results of each kind when the caller does not say. */
export const DEFAULT_SEARCH_SIZE = 10;

/**
 * Every word as a LIKE condition on `text` (an SQL expression, lower-cased): all must match.
 * The query's words are lower-cased by the domain, the column by the database; SQLite's LOWER
 * folds ASCII only, so there a non-ASCII letter must be typed in the title's own case.
 */
function everyWord(text: string, words: readonly string[], prefix: string): Brackets {
  return new Brackets((where: WhereExpressionBuilder) => {
    words.forEach((word, index) => {
      where.andWhere(`${text} LIKE :${prefix}${index} ESCAPE '\\'`, {
        [`${prefix}${index}`]: `%${likeLiteral(word)}%`,
      });
    });
  });
}

/**
 * The command palette's search over one program: issues by key, number or title, decisions by
 * the chosen option's title and the rationale. Each kind is one statement with LIMIT, ranked in
 * SQL (SearchRank), so a program of any size answers a screenful.
 */
@Injectable()
export class SearchQueries {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
  ) {}

  async search(user: UserEntity, request: SearchRequest): Promise<SearchFound> {
    const first = request.first ?? DEFAULT_SEARCH_SIZE;
    assertSearchSize(first);
    const programKey = request.programKey.trim().toUpperCase();
    const parsed = parseSearchQuery(request.query, programKey);
    // The same standing the tracker and the decision log ask for; outsiders learn nothing.
    const found = await this.actors.forProgramKey(this.db.reader, user, programKey);
    if (!found) throw unseen(user, 'Program', request.programKey);
    assertAuthorized(found.actor, { action: 'VIEW_PROGRAM' });

    const issues = await this.issues(found.programId, parsed, first);
    const decisions = await this.decisions(found.programId, parsed, first);
    return { issues, decisions };
  }

  private issues(programId: string, parsed: ParsedSearch, first: number): Promise<IssueEntity[]> {
    const query = this.db.reader
      .createQueryBuilder(IssueEntity, 'i')
      .where('i.program_id = :programId', { programId })
      .setParameter('titlePrefix', `${likeLiteral(parsed.phrase)}%`);
    const byNumber = parsed.issueNumber !== null;
    if (byNumber) query.setParameter('issueNumber', parsed.issueNumber);
    query.andWhere(
      new Brackets((match) => {
        match.where(everyWord('LOWER(i.title)', parsed.words, 'word'));
        if (byNumber) match.orWhere('i.number = :issueNumber');
        // A key typed part of the way (HX-1 while heading for HX-12).
        if (!parsed.phrase.includes(' ')) {
          match.orWhere("LOWER(i.key) LIKE :keyPrefix ESCAPE '\\'", {
            keyPrefix: `${likeLiteral(parsed.phrase)}%`,
          });
        }
      }),
    );
    const rank =
      'CASE' +
      (byNumber ? ` WHEN i.number = :issueNumber THEN ${SearchRank.EXACT_KEY}` : '') +
      ` WHEN LOWER(i.title) LIKE :titlePrefix ESCAPE '\\' THEN ${SearchRank.TITLE_PREFIX}` +
      ` ELSE ${SearchRank.CONTAINS} END`;
    return query
      .orderBy(rank, 'ASC')
      .addOrderBy('i.raised_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(first)
      .getMany();
  }

  private decisions(
    programId: string,
    parsed: ParsedSearch,
    first: number,
  ): Promise<DecisionEntity[]> {
    const text = "LOWER(o.title || ' ' || d.rationale)";
    const rank =
      `CASE WHEN LOWER(o.title) LIKE :titlePrefix ESCAPE '\\' THEN ${SearchRank.TITLE_PREFIX}` +
      ` ELSE ${SearchRank.CONTAINS} END`;
    return this.db.reader
      .createQueryBuilder(DecisionEntity, 'd')
      .innerJoin(OptionEntity, 'o', 'o.id = d.option_id')
      .where('d.program_id = :programId', { programId })
      .andWhere(everyWord(text, parsed.words, 'word'))
      .setParameter('titlePrefix', `${likeLiteral(parsed.phrase)}%`)
      .orderBy(rank, 'ASC')
      .addOrderBy('d.decided_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(first)
      .getMany();
  }
}
