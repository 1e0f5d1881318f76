import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  IssueStatus,
  NotificationKind as NotificationKindValue,
  StaleReason,
  dueNotificationKind,
  dueNotificationStaleness,
  endOfNextLocalDay,
  type NotificationKind,
} from '@ipt/domain';
import { EntityManager, In, IsNull, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CLOCK, Clock } from '../common/clock';
import { storedInstant } from '../database/columns';
import { DatabaseService } from '../database/database.service';
import { ActionItemEntity } from '../issues/action-item.entity';
import { DecisionEntity } from '../issues/decision.entity';
import { IssueRequiredDisciplineEntity } from '../issues/issue-required-discipline.entity';
import { IssueEntity } from '../issues/issue.entity';
import { DisciplineEntity } from '../programs/discipline.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { EscalationEntity } from '../issues/escalation.entity';
import { RecommendationEntity } from '../issues/recommendation.entity';
import { WaiverEntity } from '../issues/waiver.entity';
import { NotificationEntity } from './notification.entity';
import { DueWork, dueText, issueLink, noLongerNeeded, programTime } from './notification-texts';
import { NotificationDraft, NotificationsService } from './notifications.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';

/** Open work that is someone's, with its due date. */
interface DueItem {
  readonly userId: string;
  readonly issue: Pick<IssueEntity, 'id' | 'key' | 'title' | 'programId'>;
  readonly dueAt: Date;
  readonly work: DueWork;
  /** Names the item within its issue, for the dedupe key. */
  readonly item: string;
}

/** Issues per query when looking at the work of some issues (bound parameters). */
const CHUNK = 400;

/** Statuses in which a required discipline can still be pending (as the inbox counts them). */
const GATHERING: readonly IssueStatus[] = [IssueStatus.IN_REVIEW, IssueStatus.AWAITING_DECISION];
/** Statuses in which a decision's action items are still being worked. */
const ENDED: readonly IssueStatus[] = [IssueStatus.CLOSED, IssueStatus.WITHDRAWN];

/**
 * The time-driven notifications (DUE_SOON, OVERDUE): a sweep over open work finds what is due
 * before the end of the next local day in its program's zone, or already past due, and creates
 * what is missing. The dedupe key names the item, the kind and the due instant, so a sweep
 * repeated changes nothing and a moved due date notifies again.
 */
@Injectable()
export class NotificationSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: DatabaseService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.notificationSweepSeconds;
    if (seconds <= 0) return;
    const interval = seconds * 1000;
    this.timer = setInterval(() => {
      // A slow sweep is never overlapped by the next one.
      if (this.running) return;
      this.running = this.sweep(this.clock.now())
        .catch((error: unknown) =>
          this.logger.error(
            `Notification sweep failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(() => (this.running = null));
    }, interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Creates the DUE_SOON and OVERDUE notifications missing at `at`; returns how many it made. */
  async sweep(at: Date): Promise<number> {
    const { created, userIds } = await this.db.write({ actorId: null, at }, async (tx) => {
      const drafts: NotificationDraft[] = [];
      for (const program of await tx.manager.find(ProgramEntity)) {
        const horizon = endOfNextLocalDay(at, program.timeZone);
        const items = [
          ...(await this.recommendationsDue(tx.manager, program.id, { horizon })),
          ...(await this.decisionsDue(tx.manager, program.id, { horizon })),
          ...(await this.actionItemsDue(tx.manager, program.id, { horizon })),
        ];
        for (const item of items) {
          const kind = dueNotificationKind(item.dueAt, at, program.timeZone);
          if (kind) drafts.push(this.draft(item, kind, at, program.timeZone));
        }
      }
      const delivery = await this.notifications.deliver(tx.manager, drafts);
      const resolvedFor = await this.resolveStale(tx.manager, at);
      return {
        created: delivery.created,
        userIds: [...new Set([...delivery.userIds, ...resolvedFor])],
      };
    });
    this.notifications.announce(userIds);
    return created;
  }

  /**
   * Marks resolved every DUE_SOON and OVERDUE notification that no longer holds (the rule is
   * `dueNotificationStaleness` in libs/domain): its work done, decided, waived, escalated away,
   * ended or re-dated, or "due soon" now overdue. It stays, read, saying why (ADR 27). Looks only
   * at unresolved ones, and at the work of their issues, whatever its due date. Returns whose
   * notifications changed.
   */
  async resolveStale(manager: EntityManager, at: Date): Promise<string[]> {
    const unresolved = await manager.find(NotificationEntity, {
      where: {
        kind: In([NotificationKindValue.DUE_SOON, NotificationKindValue.OVERDUE]),
        resolvedAt: IsNull(),
      },
      select: {
        id: true,
        userId: true,
        programId: true,
        issueId: true,
        dedupeKey: true,
        createdAt: true,
      },
    });
    const changed = new Set<string>();
    const programIds = [...new Set(unresolved.map((n) => n.programId))];
    for (const programId of programIds) {
      const program = await manager.findOneBy(ProgramEntity, { id: programId });
      if (!program) continue;
      const notified = unresolved.filter((n) => n.programId === programId);
      const issueIds = [
        ...new Set(notified.map((n) => n.issueId).filter((id): id is string => id !== null)),
      ];
      const owed = new Map<string, DueItem>();
      for (const ids of chunks(issueIds, CHUNK)) {
        const scope = { issueIds: ids };
        for (const item of [
          ...(await this.recommendationsDue(manager, programId, scope)),
          ...(await this.decisionsDue(manager, programId, scope)),
          ...(await this.actionItemsDue(manager, programId, scope)),
        ])
          owed.set(`${item.item}|${item.userId}`, item);
      }
      for (const notification of notified) {
        const key = parseDueKey(notification.dedupeKey);
        if (!key) continue;
        const now = owed.get(`${key.item}|${key.userId}`) ?? null;
        const reason = dueNotificationStaleness(key, now, at, program.timeZone);
        if (!reason) continue;
        const why = await this.whyStale(
          manager,
          key,
          reason,
          now,
          notification.createdAt,
          program.timeZone,
        );
        await manager.update(
          NotificationEntity,
          { id: notification.id },
          { resolvedAt: at, resolution: noLongerNeeded(why) },
        );
        // Resolved is read: it leaves the unread count, and stays in the list saying why.
        await manager.update(
          NotificationEntity,
          { id: notification.id, readAt: IsNull() },
          { readAt: at },
        );
        changed.add(notification.userId);
      }
    }
    return [...changed];
  }

  /** Why a notification's work no longer waits on its person, as they would say it. */
  private async whyStale(
    manager: EntityManager,
    key: DueKey,
    reason: StaleReason,
    now: DueItem | null,
    notifiedAt: Date,
    timeZone: string,
  ): Promise<string> {
    if (reason === StaleReason.NOW_OVERDUE) return 'it is now overdue.';
    const redated = now ? `it is now due ${programTime(now.dueAt, timeZone)}.` : null;
    const [what, first, second] = key.item.split(':');
    if (what === 'action-item') {
      const item = await manager.findOneBy(ActionItemEntity, { id: first });
      if (redated) return redated;
      if (item?.doneAt) return `the action item “${item.title}” was completed.`;
      return item ? `the decision behind “${item.title}” no longer stands.` : 'it was removed.';
    }
    const issue = await manager.findOneBy(IssueEntity, { id: first });
    if (!issue) return 'its issue was removed.';
    const ended = ENDED_WORDS[issue.status];
    if (ended) return `${issue.key} was ${ended}.`;
    const escalation = await manager
      .createQueryBuilder(EscalationEntity, 'e')
      .where('e.issue_id = :issueId AND e.escalated_at >= :since', {
        issueId: issue.id,
        since: storedInstant(notifiedAt),
      })
      .orderBy('e.escalated_at', 'DESC')
      .getOne();
    if (escalation) {
      const team = await manager.findOneBy(TeamEntity, { id: escalation.toTeamId });
      return `${issue.key} was escalated to ${team?.name ?? 'the next tier'}.`;
    }
    if (redated) return redated;
    if (what === 'recommendation' && second) {
      const given = await manager.existsBy(RecommendationEntity, {
        issueId: issue.id,
        discipline: second,
        supersededAt: IsNull(),
      });
      if (given) return `the recommendation on ${issue.key} was given.`;
      if (await manager.existsBy(WaiverEntity, { issueId: issue.id, discipline: second }))
        return `the recommendation on ${issue.key} was waived.`;
    }
    if (issue.status === IssueStatus.DECIDED) return `${issue.key} was decided.`;
    return `${issue.key} no longer waits on you.`;
  }

  private draft(
    item: DueItem,
    kind: typeof NotificationKind.DUE_SOON | typeof NotificationKind.OVERDUE,
    at: Date,
    timeZone: string,
  ): NotificationDraft {
    return {
      userId: item.userId,
      programId: item.issue.programId,
      issueId: item.issue.id,
      kind,
      ...dueText(kind, item.issue, item.work, item.dueAt, timeZone),
      link: issueLink(item.issue.key),
      createdAt: at,
      dedupeKey: dueKey(kind, item.item, item.userId, item.dueAt),
    };
  }

  /** Pending disciplines of issues gathering recommendations, for their representatives on the current team. */
  private async recommendationsDue(
    manager: EntityManager,
    programId: string,
    scope: DueScope,
  ): Promise<DueItem[]> {
    const rows = await scoped(
      this.onCurrentTeam(manager, programId),
      scope,
      'i.recommendations_due_at',
    )
      .innerJoin(
        IssueRequiredDisciplineEntity,
        'rd',
        'rd.issue_id = i.id AND rd.discipline = m.discipline',
      )
      .innerJoin(DisciplineEntity, 'd', 'd.program_id = i.program_id AND d.code = m.discipline')
      .andWhere('i.status IN (:...gathering)', { gathering: GATHERING })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM recommendations r WHERE r.issue_id = i.id' +
          ' AND r.discipline = m.discipline AND r.superseded_at IS NULL)',
      )
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM waivers w WHERE w.issue_id = i.id AND w.discipline = m.discipline)',
      )
      .select('i.id', 'issueId')
      .addSelect('i.key', 'key')
      .addSelect('i.title', 'title')
      .addSelect('i.recommendations_due_at', 'dueAt')
      .addSelect('m.user_id', 'userId')
      .addSelect('m.discipline', 'discipline')
      .addSelect('d.name', 'disciplineName')
      .getRawMany<{
        issueId: string;
        key: string;
        title: string;
        dueAt: string;
        userId: string;
        discipline: string;
        disciplineName: string;
      }>();
    return rows.map((row) => ({
      userId: row.userId,
      issue: { id: row.issueId, key: row.key, title: row.title, programId },
      dueAt: new Date(row.dueAt),
      work: { what: 'recommendation', disciplineName: row.disciplineName },
      item: `recommendation:${row.issueId}:${row.discipline}`,
    }));
  }

  /** Issues awaiting decision, for each person with decision authority on the current team. */
  private async decisionsDue(
    manager: EntityManager,
    programId: string,
    scope: DueScope,
  ): Promise<DueItem[]> {
    const rows = await scoped(this.onCurrentTeam(manager, programId), scope, 'i.decision_due_at')
      .andWhere('m.decision_authority = :authority', { authority: true })
      .andWhere('i.status = :awaiting', { awaiting: IssueStatus.AWAITING_DECISION })
      .select('i.id', 'issueId')
      .addSelect('i.key', 'key')
      .addSelect('i.title', 'title')
      .addSelect('i.decision_due_at', 'dueAt')
      .addSelect('m.user_id', 'userId')
      .getRawMany<{ issueId: string; key: string; title: string; dueAt: string; userId: string }>();
    return rows.map((row) => ({
      userId: row.userId,
      issue: { id: row.issueId, key: row.key, title: row.title, programId },
      dueAt: new Date(row.dueAt),
      work: { what: 'decision' },
      item: `decision:${row.issueId}`,
    }));
  }

  /** Open action items of decisions in force, for their assignees. */
  private async actionItemsDue(
    manager: EntityManager,
    programId: string,
    scope: DueScope,
  ): Promise<DueItem[]> {
    const query = manager
      .createQueryBuilder(ActionItemEntity, 'a')
      .innerJoin(DecisionEntity, 'dc', 'dc.id = a.decision_id AND dc.superseded_at IS NULL')
      .innerJoin(IssueEntity, 'i', 'i.id = a.issue_id')
      .innerJoin(UserEntity, 'u', 'u.id = a.assignee_id AND u.active = :active', { active: true })
      .where('i.program_id = :programId', { programId })
      .andWhere('i.status NOT IN (:...ended)', { ended: ENDED })
      .andWhere('a.done_at IS NULL');
    const rows = await scoped(query, scope, 'a.due_at')
      .select('a.id', 'itemId')
      .addSelect('a.title', 'itemTitle')
      .addSelect('a.due_at', 'dueAt')
      .addSelect('a.assignee_id', 'userId')
      .addSelect('i.id', 'issueId')
      .addSelect('i.key', 'key')
      .addSelect('i.title', 'title')
      .getRawMany<{
        itemId: string;
        itemTitle: string;
        dueAt: string;
        userId: string;
        issueId: string;
        key: string;
        title: string;
      }>();
    return rows.map((row) => ({
      userId: row.userId,
      issue: { id: row.issueId, key: row.key, title: row.title, programId },
      dueAt: new Date(row.dueAt),
      work: { what: 'action-item', title: row.itemTitle },
      item: `action-item:${row.itemId}`,
    }));
  }

  /** Issues of the program with their current (active) team's memberships of active people (alias `m`). */
  private onCurrentTeam(manager: EntityManager, programId: string) {
    return manager
      .createQueryBuilder(IssueEntity, 'i')
      .innerJoin(TeamEntity, 't', 't.id = i.current_team_id AND t.active = :active', {
        active: true,
      })
      .innerJoin(MembershipEntity, 'm', 'm.team_id = t.id')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id AND u.active = :active')
      .where('i.program_id = :programId', { programId });
  }
}

/** Which open work a query looks at: what falls due before a horizon, or all of some issues'. */
type DueScope = { readonly horizon: Date } | { readonly issueIds: readonly string[] };

function scoped<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  scope: DueScope,
  dueColumn: string,
): SelectQueryBuilder<T> {
  if ('horizon' in scope) {
    return query.andWhere(`${dueColumn} IS NOT NULL AND ${dueColumn} < :horizon`, {
      horizon: storedInstant(scope.horizon),
    });
  }
  return query.andWhere(`${dueColumn} IS NOT NULL AND i.id IN (:...scopeIssueIds)`, {
    scopeIssueIds: [...scope.issueIds],
  });
}

/** What a due notification was made for, read back from its dedupe key (see `draft`). */
interface DueKey {
  readonly kind: typeof NotificationKindValue.DUE_SOON | typeof NotificationKindValue.OVERDUE;
  readonly item: string;
  readonly userId: string;
  readonly dueAt: Date;
}

/** The key is `<kind>:<item>:<user id>:<due instant, ISO, 24 characters>`. */
export function dueKey(kind: DueKey['kind'], item: string, userId: string, dueAt: Date): string {
  return `${kind}:${item}:${userId}:${dueAt.toISOString()}`;
}

export function parseDueKey(key: string): DueKey | null {
  const kind = key.slice(0, key.indexOf(':'));
  if (kind !== NotificationKindValue.DUE_SOON && kind !== NotificationKindValue.OVERDUE)
    return null;
  const iso = key.slice(-24);
  const dueAt = new Date(iso);
  const rest = key.slice(kind.length + 1, -25);
  const userStart = rest.lastIndexOf(':');
  if (Number.isNaN(dueAt.getTime()) || userStart < 0) return null;
  return { kind, item: rest.slice(0, userStart), userId: rest.slice(userStart + 1), dueAt };
}

const ENDED_WORDS: Partial<Record<IssueStatus, string>> = {
  RESOLVED: 'resolved',
  CLOSED: 'closed',
  WITHDRAWN: 'withdrawn',
};

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}
