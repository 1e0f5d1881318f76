import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  IssueStatus,
  dueNotificationKind,
  endOfNextLocalDay,
  type NotificationKind,
} from '@ipt/domain';
import { EntityManager } from 'typeorm';
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
import { DueWork, dueText, issueLink } from './notification-texts';
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
          ...(await this.recommendationsDue(tx.manager, program.id, horizon)),
          ...(await this.decisionsDue(tx.manager, program.id, horizon)),
          ...(await this.actionItemsDue(tx.manager, program.id, horizon)),
        ];
        for (const item of items) {
          const kind = dueNotificationKind(item.dueAt, at, program.timeZone);
          if (kind) drafts.push(this.draft(item, kind, at, program.timeZone));
        }
      }
      return this.notifications.deliver(tx.manager, drafts);
    });
    this.notifications.announce(userIds);
    return created;
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
      dedupeKey: `${kind}:${item.item}:${item.userId}:${item.dueAt.toISOString()}`,
    };
  }

  /** Pending disciplines of issues gathering recommendations, for their representatives on the current team. */
  private async recommendationsDue(
    manager: EntityManager,
    programId: string,
    horizon: Date,
  ): Promise<DueItem[]> {
    const rows = await this.onCurrentTeam(manager, programId)
      .innerJoin(
        IssueRequiredDisciplineEntity,
        'rd',
        'rd.issue_id = i.id AND rd.discipline = m.discipline',
      )
      .innerJoin(DisciplineEntity, 'd', 'd.program_id = i.program_id AND d.code = m.discipline')
      .andWhere('i.status IN (:...gathering)', { gathering: GATHERING })
      .andWhere('i.recommendations_due_at IS NOT NULL AND i.recommendations_due_at < :horizon', {
        horizon: storedInstant(horizon),
      })
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
    horizon: Date,
  ): Promise<DueItem[]> {
    const rows = await this.onCurrentTeam(manager, programId)
      .andWhere('m.decision_authority = :authority', { authority: true })
      .andWhere('i.status = :awaiting', { awaiting: IssueStatus.AWAITING_DECISION })
      .andWhere('i.decision_due_at IS NOT NULL AND i.decision_due_at < :horizon', {
        horizon: storedInstant(horizon),
      })
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
    horizon: Date,
  ): Promise<DueItem[]> {
    const rows = await manager
      .createQueryBuilder(ActionItemEntity, 'a')
      .innerJoin(DecisionEntity, 'dc', 'dc.id = a.decision_id AND dc.superseded_at IS NULL')
      .innerJoin(IssueEntity, 'i', 'i.id = a.issue_id')
      .innerJoin(UserEntity, 'u', 'u.id = a.assignee_id AND u.active = :active', { active: true })
      .where('i.program_id = :programId', { programId })
      .andWhere('i.status NOT IN (:...ended)', { ended: ENDED })
      .andWhere('a.done_at IS NULL AND a.due_at < :horizon', { horizon: storedInstant(horizon) })
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
