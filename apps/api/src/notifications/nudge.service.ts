import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  NotificationKind,
  STATUS_LABELS,
  Stage,
  badInput,
  instantAtLocal,
  isNudgeable,
  localDateOf,
  nextNudgeAt,
  stageOfStatus,
} from '@ipt/domain';
import { EntityManager } from 'typeorm';
import { storedInstant } from '../database/columns';
import type { Caller } from '../common/caller';
import { EventEntity } from '../events/event.entity';
import { IssueLookups } from '../issues/commands/issue-lookups';
import { IssueWritePipeline } from '../issues/commands/issue-write-pipeline';
import type { IssueEntity } from '../issues/issue.entity';
import { ProgramEntity } from '../programs/program.entity';
import { IssueHolders, NamedHolder } from '../issues/issue-holders.service';
import { issueLink, nudgeText, programTime } from './notification-texts';
import { NotificationsService } from './notifications.service';

export const ISSUE_NUDGED = 'ISSUE_NUDGED';

export interface NudgeResult {
  readonly issueKey: string;
  readonly nudged: (NamedHolder & { readonly notified: boolean })[];
  readonly alreadyNudged: (NamedHolder & { readonly nextPossibleAt: Date })[];
}

const STAGE_DUE: Record<Stage, keyof IssueEntity> = {
  TRIAGE: 'triageDueAt',
  RECOMMENDATIONS: 'recommendationsDueAt',
  DECISION: 'decisionDueAt',
  RESOLUTION: 'resolutionDueAt',
};

/**
 * A program manager's reminder to the people an issue waits on (`holdersOf` in libs/domain): one
 * NUDGED notification each (unless they turned the kind off), recorded on the issue's timeline
 * as an ISSUE_NUDGED event in the same write, so who chased whom, and when, is on the record.
 * Each person is nudged about an issue at most once per local day of the program.
 */
@Injectable()
export class NudgeService {
  constructor(
    private readonly pipeline: IssueWritePipeline,
    private readonly lookups: IssueLookups,
    private readonly holders: IssueHolders,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {}

  async nudge(caller: Caller, issueKey: string): Promise<NudgeResult> {
    const { result, userIds } = await this.pipeline.inWrite(caller, async (tx) => {
      const issue = await this.lookups.issueByKey(tx.manager, issueKey, caller.user);
      await this.pipeline.authorize(tx, caller, issue.programId, {
        action: 'NUDGE_HOLDERS',
        issue,
      });
      const stage = stageOfStatus(issue.status);
      if (!isNudgeable(issue.status) || stage === null) {
        throw new DomainError(
          ErrorCode.ILLEGAL_TRANSITION,
          `${issue.key} is ${STATUS_LABELS[issue.status].toLowerCase()}: it waits on nobody, so there is nobody to nudge.`,
          { currentStatus: issue.status, allowedCommands: [] },
        );
      }
      const program = await tx.manager.findOneByOrFail(ProgramEntity, { id: issue.programId });
      const holders = (
        (await this.holders.of(tx.manager, program.id, [issue])).get(issue.id) ?? []
      ).filter((h) => h.userId !== caller.user.id);
      if (holders.length === 0) {
        throw badInput(
          'issueKey',
          `${issue.key} waits on you alone: there is nobody else to nudge.`,
        );
      }
      const lastNudged = await this.lastNudged(tx.manager, issue, tx.at, program.timeZone);
      const due: NudgeResult['alreadyNudged'] = [];
      const now: NamedHolder[] = [];
      for (const holder of holders) {
        const nextPossibleAt = nextNudgeAt(
          lastNudged.get(holder.userId) ?? null,
          tx.at,
          program.timeZone,
        );
        if (nextPossibleAt) due.push({ ...holder, nextPossibleAt });
        else now.push(holder);
      }
      if (now.length === 0) {
        const next = due[0]?.nextPossibleAt as Date;
        throw new DomainError(
          ErrorCode.CONFLICT,
          `${due.map((h) => h.name).join(', ')} ${due.length === 1 ? 'was' : 'were'} already nudged about ${issue.key} today — next possible at ${programTime(next, program.timeZone)}.`,
          { nextPossibleAt: next.toISOString() },
        );
      }
      const dueAt = (issue[STAGE_DUE[stage]] as Date | null) ?? null;
      const delivery = await this.notifications.deliver(
        tx.manager,
        now.map((holder) => ({
          userId: holder.userId,
          programId: issue.programId,
          issueId: issue.id,
          kind: NotificationKind.NUDGED,
          ...nudgeText(
            issue,
            holder.reason === 'RECOMMENDATION'
              ? { reason: holder.reason, disciplineNames: holder.disciplineNames }
              : { reason: holder.reason },
            dueAt,
            tx.at,
            program.timeZone,
            caller.user.name,
          ),
          link: issueLink(issue.key),
          createdAt: tx.at,
          dedupeKey: `NUDGED:${issue.id}:${holder.userId}:${localDateOf(tx.at, program.timeZone)}`,
        })),
      );
      await tx.record({
        type: ISSUE_NUDGED,
        entityType: 'Issue',
        entityId: issue.id,
        programId: issue.programId,
        issueId: issue.id,
        after: {
          stage,
          holderIds: now.map((h) => h.userId),
          holders: now.map((h) => h.name),
        },
      });
      const notified = new Set(delivery.userIds);
      return {
        result: {
          issueKey: issue.key,
          nudged: now.map((h) => ({ ...h, notified: notified.has(h.userId) })),
          alreadyNudged: due,
        },
        userIds: delivery.userIds,
      };
    });
    this.notifications.announce(userIds);
    return result;
  }

  /** When each person was last nudged about the issue, today (program time) only. */
  private async lastNudged(
    manager: EntityManager,
    issue: IssueEntity,
    at: Date,
    timeZone: string,
  ): Promise<Map<string, Date>> {
    const startOfToday = instantAtLocal(localDateOf(at, timeZone), 0, timeZone);
    const events = await manager
      .createQueryBuilder(EventEntity, 'e')
      .where('e.issue_id = :issueId AND e.type = :type AND e.at >= :since', {
        issueId: issue.id,
        type: ISSUE_NUDGED,
        since: storedInstant(startOfToday),
      })
      .orderBy('e.seq', 'ASC')
      .getMany();
    const last = new Map<string, Date>();
    for (const event of events) {
      const ids = (event.after?.['holderIds'] as string[] | undefined) ?? [];
      for (const id of ids) last.set(id, event.at);
    }
    return last;
  }
}
