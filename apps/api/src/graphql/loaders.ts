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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
