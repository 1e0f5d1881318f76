import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IssueStatus, LIMITS, badInput, formatIssueKey, requireText } from '@ipt/domain';
import type { Caller } from '../../common/caller';
import type { WriteTransaction } from '../../events/write.service';
import { TeamEntity } from '../../programs/team.entity';
import { RaiseIssueInput } from '../dto/raise-issue.input';
import { IssueEntity } from '../issue.entity';
import { IssueLookups } from './issue-lookups';
import { IssueWritePipeline } from './issue-write-pipeline';

/** Raising an issue: a new record in its program, numbered atomically, with its first event. */
@Injectable()
export class RaiseIssueHandler {
  constructor(
    private readonly pipeline: IssueWritePipeline,
    private readonly lookups: IssueLookups,
  ) {}

  async raise(caller: Caller, input: RaiseIssueInput): Promise<IssueEntity> {
    const title = requireText('title', input.title, LIMITS.titleMax);
    const conditionStatement = requireText('conditionStatement', input.conditionStatement);
    return this.pipeline.inWrite(caller, async (tx) => {
      const program = await this.lookups.programByKey(tx.manager, input.programKey, caller.user);
      const team = await tx.manager.findOneBy(TeamEntity, {
        id: input.teamId,
        programId: program.id,
      });
      // Check membership of the program before saying anything about its teams.
      await this.pipeline.authorize(tx, caller, program.id, { action: 'VIEW_PROGRAM' });
      if (!team || !team.active)
        throw badInput('teamId', `No active team ${input.teamId} in program ${program.key}.`);
      await this.pipeline.authorize(tx, caller, program.id, {
        action: 'RAISE_ISSUE',
        teamId: team.id,
      });

      const number = await nextIssueNumber(tx, program.id);
      const issue = tx.manager.create(IssueEntity, {
        id: randomUUID(),
        programId: program.id,
        number,
        key: formatIssueKey(program.key, number),
        title,
        conditionStatement,
        impactArea: input.impactArea,
        consequence: (input.consequence ?? null) as IssueEntity['consequence'],
        status: IssueStatus.OPEN,
        raisedById: caller.user.id,
        ownerId: null,
        originTeamId: team.id,
        currentTeamId: team.id,
        currentTier: team.tier,
        version: 1,
        raisedAt: caller.at,
        tierEnteredAt: caller.at,
        triagedAt: null,
        readyAt: null,
        decidedAt: null,
        resolvedAt: null,
        closedAt: null,
        withdrawnAt: null,
        triageDueAt: null,
        recommendationsDueAt: null,
        decisionDueAt: null,
        resolutionDueAt: null,
        manualDueStages: [],
        updatedAt: caller.at,
      });
      await this.pipeline.create(tx, issue, {
        type: 'ISSUE_RAISED',
        before: null,
        after: {
          key: issue.key,
          title,
          conditionStatement,
          impactArea: issue.impactArea,
          consequence: issue.consequence,
          team: team.name,
          teamId: team.id,
          tier: team.tier,
        },
      });
      return issue;
    });
  }
}

/**
 * Takes the program's next issue number in one statement (`UPDATE ... RETURNING`), so two
 * instances raising at once can never read the same number (ADR 0014).
 */
async function nextIssueNumber(tx: WriteTransaction, programId: string): Promise<number> {
  const runner = tx.manager.queryRunner;
  if (!runner) throw new Error('A write transaction always has its query runner');
  const result = (await runner.query(
    'UPDATE programs SET next_issue_number = next_issue_number + 1 ' +
      `WHERE id = ${tx.parameter(1)} RETURNING next_issue_number`,
    [programId],
    true,
  )) as { records: { next_issue_number: number | string }[] };
  const taken = result.records[0];
  if (!taken) throw new Error(`Program ${programId} vanished inside its own write transaction`);
  return Number(taken.next_issue_number) - 1;
}
