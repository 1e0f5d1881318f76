import { Injectable } from '@nestjs/common';
import { Holder, HoldingReason, ProgramRoleKind, holdersOf } from '@ipt/domain';
import { EntityManager, In, IsNull } from 'typeorm';
import { IssueRequiredDisciplineEntity } from './issue-required-discipline.entity';
import type { IssueEntity } from './issue.entity';
import { RecommendationEntity } from './recommendation.entity';
import { WaiverEntity } from './waiver.entity';
import { DisciplineEntity } from '../programs/discipline.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramRoleEntity } from '../programs/program-role.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';

/** A holder with what a person reads: their name, and the disciplines by name. */
export interface NamedHolder {
  readonly userId: string;
  readonly name: string;
  readonly reason: HoldingReason;
  readonly disciplineNames: readonly string[];
}

export type HeldIssue = Pick<
  IssueEntity,
  'id' | 'programId' | 'status' | 'ownerId' | 'currentTeamId'
>;

/** Bound parameters per IN list, well under SQLite's limit. */
const CHUNK = 400;

/**
 * Who holds each of some issues of one program now (the rule is `holdersOf` in libs/domain): a few
 * queries for the whole batch, whatever its size, so the dashboard's overdue list can name them.
 */
@Injectable()
export class IssueHolders {
  async of(
    manager: EntityManager,
    programId: string,
    issues: readonly HeldIssue[],
  ): Promise<Map<string, NamedHolder[]>> {
    const result = new Map<string, NamedHolder[]>();
    if (issues.length === 0) return result;
    const issueIds = issues.map((i) => i.id);
    const teamIds = [...new Set(issues.map((i) => i.currentTeamId))];
    // In turn: a transaction's connection runs one statement at a time.
    const required = await inChunks(issueIds, (ids) =>
      manager.find(IssueRequiredDisciplineEntity, {
        where: { issueId: In(ids) },
        order: { position: 'ASC' },
      }),
    );
    const recommended = await inChunks(issueIds, (ids) =>
      manager.find(RecommendationEntity, {
        where: { issueId: In(ids), supersededAt: IsNull() },
        select: { issueId: true, discipline: true },
      }),
    );
    const waived = await inChunks(issueIds, (ids) =>
      manager.find(WaiverEntity, {
        where: { issueId: In(ids) },
        select: { issueId: true, discipline: true },
      }),
    );
    const members = await inChunks(teamIds, (ids) =>
      manager
        .createQueryBuilder(MembershipEntity, 'm')
        .innerJoin(TeamEntity, 't', 't.id = m.team_id AND t.active = :active', { active: true })
        .innerJoin(UserEntity, 'u', 'u.id = m.user_id AND u.active = :active')
        .where('m.team_id IN (:...ids)', { ids })
        .orderBy('m.created_at', 'ASC')
        .addOrderBy('m.id', 'ASC')
        .getMany(),
    );
    const programManagers = await manager
      .createQueryBuilder(ProgramRoleEntity, 'r')
      .innerJoin(UserEntity, 'u', 'u.id = r.user_id AND u.active = :active', { active: true })
      .where('r.program_id = :programId AND r.role = :role', {
        programId,
        role: ProgramRoleKind.PROGRAM_MANAGER,
      })
      .orderBy('r.created_at', 'ASC')
      .getMany();
    const owners = issues.map((i) => i.ownerId).filter((id): id is string => id !== null);
    const activeOwners = new Set(
      (
        await inChunks([...new Set(owners)], (ids) =>
          manager.find(UserEntity, { where: { id: In(ids), active: true }, select: { id: true } }),
        )
      ).map((u) => u.id),
    );

    const held = new Map<string, Holder[]>();
    for (const issue of issues) {
      const of = <T extends { issueId: string }>(rows: readonly T[]) =>
        rows.filter((r) => r.issueId === issue.id);
      held.set(
        issue.id,
        holdersOf({
          status: issue.status,
          ownerId: issue.ownerId !== null && activeOwners.has(issue.ownerId) ? issue.ownerId : null,
          requiredDisciplines: of(required).map((r) => r.discipline),
          recommendedDisciplines: of(recommended).map((r) => r.discipline),
          waivedDisciplines: of(waived).map((w) => w.discipline),
          currentTeamMembers: members.filter((m) => m.teamId === issue.currentTeamId),
          programManagerIds: programManagers.map((r) => r.userId),
        }),
      );
    }

    const userIds = [...new Set([...held.values()].flat().map((h) => h.userId))];
    const users = await inChunks(userIds, (ids) =>
      manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, name: true } }),
    );
    const disciplines = await manager.findBy(DisciplineEntity, { programId });
    const userName = (id: string) => users.find((u) => u.id === id)?.name ?? 'Unknown person';
    const disciplineName = (code: string) => disciplines.find((d) => d.code === code)?.name ?? code;
    for (const [issueId, holders] of held) {
      result.set(
        issueId,
        holders.map((h) => ({
          userId: h.userId,
          name: userName(h.userId),
          reason: h.reason,
          disciplineNames: h.disciplines.map(disciplineName),
        })),
      );
    }
    return result;
  }
}

async function inChunks<T>(
  ids: readonly string[],
  query: (ids: string[]) => Promise<T[]>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    rows.push(...(await query(ids.slice(start, start + CHUNK))));
  }
  return rows;
}
