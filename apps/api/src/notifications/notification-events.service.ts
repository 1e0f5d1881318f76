import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { IssueStatus, NotificationKind, pendingDisciplines } from '@ipt/domain';
import { EntityManager, In, IsNull } from 'typeorm';
import { CLOCK, Clock } from '../common/clock';
import { DatabaseService } from '../database/database.service';
import type { EventEntity } from '../events/event.entity';
import { ActionItemEntity } from '../issues/action-item.entity';
import { DecisionEntity } from '../issues/decision.entity';
import { EscalationEntity } from '../issues/escalation.entity';
import { IssueRequiredDisciplineEntity } from '../issues/issue-required-discipline.entity';
import { IssueEntity } from '../issues/issue.entity';
import { OptionEntity } from '../issues/option.entity';
import { RecommendationEntity } from '../issues/recommendation.entity';
import { WaiverEntity } from '../issues/waiver.entity';
import { DisciplineEntity } from '../programs/discipline.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import {
  actionItemAssignedText,
  awaitingDisciplineText,
  decidedText,
  escalatedText,
  issueLink,
  ownerAssignedText,
} from './notification-texts';
import { NotificationDraft, NotificationsService } from './notifications.service';

/** Statuses in which a required discipline can still be pending (as the inbox counts them). */
const GATHERING: readonly IssueStatus[] = [IssueStatus.IN_REVIEW, IssueStatus.AWAITING_DECISION];

const DECISION_EVENTS = new Set(['DECISION_RECORDED', 'DECISION_SUPERSEDED']);
/** Events after which an issue may newly need a discipline on its current team. */
const COVERAGE_EVENTS = new Set(['ISSUE_TRIAGED', 'ISSUE_UPDATED']);

function isEscalation(event: EventEntity): boolean {
  return event.entityType === 'Escalation' || event.type.includes('ESCALAT');
}

function concerns(event: EventEntity): boolean {
  return (
    event.issueId !== null &&
    (COVERAGE_EVENTS.has(event.type) || DECISION_EVENTS.has(event.type) || isEscalation(event))
  );
}

/** What one event needs from the database as it stands right after it. */
interface Scene {
  readonly event: EventEntity;
  readonly issue: IssueEntity;
  readonly program: ProgramEntity;
  readonly team: TeamEntity;
  readonly actorName: string | null;
}

/**
 * The event-driven notifications (ASSIGNED, AWAITING_MY_DISCIPLINE, DECIDED, ESCALATED). They are
 * derived after a change commits, in a write of their own queued right behind it, from the state
 * the change left: a notification is never sent for a change that rolled back, and a failure
 * here can never undo the change (ADR 11). Event payloads are only read for who acted and, on an
 * update, whether the owner changed; everything else comes from the stored issue.
 */
@Injectable()
export class NotificationEventsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly db: DatabaseService,
    private readonly notifications: NotificationsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.db.onCommit((events) => {
      // The listener runs inside the committed write's promise: it must never throw.
      try {
        this.hear(events);
      } catch (error) {
        this.report(error);
      }
    });
  }

  private hear(events: readonly EventEntity[]): void {
    const relevant = events.filter(concerns);
    if (relevant.length === 0) return;
    // Queued now, so it runs before any write that starts after the change's caller resumes.
    this.db
      .write({ actorId: null, at: this.clock.now() }, async (tx) => {
        const drafts: NotificationDraft[] = [];
        for (const event of relevant) drafts.push(...(await this.derive(tx.manager, event)));
        return this.notifications.deliver(tx.manager, drafts);
      })
      .then((delivery) => this.notifications.announce(delivery.userIds))
      .catch((error: unknown) => this.report(error));
  }

  /** The notifications one committed event calls for. */
  async derive(manager: EntityManager, event: EventEntity): Promise<NotificationDraft[]> {
    const issue = await manager.findOneBy(IssueEntity, { id: event.issueId as string });
    if (!issue) return [];
    // In turn: a transaction's connection runs one statement at a time; pg warns, pg 9 refuses.
    const program = await manager.findOneByOrFail(ProgramEntity, { id: issue.programId });
    const team = await manager.findOneByOrFail(TeamEntity, { id: issue.currentTeamId });
    const actor = event.actorId ? await manager.findOneBy(UserEntity, { id: event.actorId }) : null;
    const scene: Scene = { event, issue, program, team, actorName: actor?.name ?? null };
    const drafts: NotificationDraft[] = [];
    if (event.type === 'ISSUE_TRIAGED' || (event.after && 'ownerId' in event.after)) {
      drafts.push(...(await this.ownerAssigned(manager, scene)));
    }
    if (COVERAGE_EVENTS.has(event.type) || isEscalation(event)) {
      drafts.push(...(await this.awaitingDiscipline(manager, scene)));
    }
    if (isEscalation(event)) drafts.push(...(await this.escalated(manager, scene)));
    if (DECISION_EVENTS.has(event.type)) drafts.push(...(await this.decided(manager, scene)));
    // Nobody is told about what they did themselves.
    return drafts.filter((d) => d.userId !== event.actorId);
  }

  private async ownerAssigned(manager: EntityManager, scene: Scene): Promise<NotificationDraft[]> {
    const { issue, event } = scene;
    if (!issue.ownerId || !(await this.activeUsers(manager, [issue.ownerId])).has(issue.ownerId))
      return [];
    return [
      {
        ...this.about(scene, NotificationKind.ASSIGNED, issue.ownerId),
        ...ownerAssignedText(issue, scene.actorName),
        // One per change of owner: the event that made them owner names it.
        dedupeKey: `ASSIGNED:owner:${issue.id}:${issue.ownerId}:${event.hash.slice(0, 16)}`,
      },
    ];
  }

  private async awaitingDiscipline(
    manager: EntityManager,
    scene: Scene,
  ): Promise<NotificationDraft[]> {
    const { issue, team, program } = scene;
    if (!GATHERING.includes(issue.status) || !team.active) return [];
    const required = await manager.find(IssueRequiredDisciplineEntity, {
      where: { issueId: issue.id },
      order: { position: 'ASC' },
    });
    const recommendations = await manager.find(RecommendationEntity, {
      where: { issueId: issue.id, supersededAt: IsNull() },
      select: { discipline: true },
    });
    const waivers = await manager.find(WaiverEntity, {
      where: { issueId: issue.id },
      select: { discipline: true },
    });
    const pending = pendingDisciplines(
      required.map((r) => r.discipline),
      recommendations.map((r) => r.discipline),
      waivers.map((w) => w.discipline),
    );
    if (pending.length === 0) return [];
    const members = await this.members(manager, [team.id]);
    const waiting = members.filter((m) => pending.includes(m.discipline));
    if (waiting.length === 0) return [];
    const disciplines = await manager.find(DisciplineEntity, {
      where: { programId: program.id, code: In(pending) },
    });
    return waiting.map((m) => {
      const name = disciplines.find((d) => d.code === m.discipline)?.name ?? m.discipline;
      return {
        ...this.about(scene, NotificationKind.AWAITING_MY_DISCIPLINE, m.userId),
        ...awaitingDisciplineText(issue, name, team.name, program.timeZone),
        // Once per discipline and team: a later update does not repeat it; an escalation does.
        dedupeKey: `AWAITING_MY_DISCIPLINE:${issue.id}:${team.id}:${m.discipline}:${m.userId}`,
      };
    });
  }

  private async escalated(manager: EntityManager, scene: Scene): Promise<NotificationDraft[]> {
    const { issue, event } = scene;
    const escalations =
      event.entityType === 'Escalation'
        ? await manager.findBy(EscalationEntity, { id: event.entityId })
        : await manager.findBy(EscalationEntity, { issueId: issue.id, escalatedAt: event.at });
    const drafts: NotificationDraft[] = [];
    for (const escalation of escalations) {
      const from = await manager.findOneByOrFail(TeamEntity, { id: escalation.fromTeamId });
      const to = await manager.findOneByOrFail(TeamEntity, { id: escalation.toTeamId });
      const by = escalation.escalatedById
        ? await manager.findOneBy(UserEntity, { id: escalation.escalatedById })
        : null;
      const text = escalatedText(issue, from, to, by?.name ?? null, escalation.reason);
      const members = await this.members(manager, [from.id, to.id]);
      for (const userId of new Set(members.map((m) => m.userId))) {
        if (userId === escalation.escalatedById) continue;
        drafts.push({
          ...this.about(scene, NotificationKind.ESCALATED, userId),
          ...text,
          createdAt: escalation.escalatedAt,
          dedupeKey: `ESCALATED:${escalation.id}:${userId}`,
        });
      }
    }
    return drafts;
  }

  private async decided(manager: EntityManager, scene: Scene): Promise<NotificationDraft[]> {
    const { issue, event, team, program } = scene;
    const decision =
      event.entityType === 'Decision'
        ? await manager.findOneBy(DecisionEntity, { id: event.entityId })
        : await manager.findOneBy(DecisionEntity, { issueId: issue.id, supersededAt: IsNull() });
    if (!decision) return [];
    const option = await manager.findOneByOrFail(OptionEntity, { id: decision.optionId });
    const members = await this.members(manager, [team.id]);
    const items = await manager.findBy(ActionItemEntity, {
      decisionId: decision.id,
      doneAt: IsNull(),
    });
    const drafts: NotificationDraft[] = [];
    const text = decidedText(issue, option, team.name, scene.actorName);
    for (const userId of new Set(members.map((m) => m.userId))) {
      drafts.push({
        ...this.about(scene, NotificationKind.DECIDED, userId),
        ...text,
        dedupeKey: `DECIDED:${decision.id}:${userId}`,
      });
    }
    const assignees = await this.activeUsers(
      manager,
      items.map((i) => i.assigneeId),
    );
    for (const item of items) {
      if (!assignees.has(item.assigneeId)) continue;
      drafts.push({
        ...this.about(scene, NotificationKind.ASSIGNED, item.assigneeId),
        ...actionItemAssignedText(issue, item, program.timeZone),
        dedupeKey: `ASSIGNED:action-item:${item.id}:${item.assigneeId}`,
      });
    }
    return drafts;
  }

  /** The fields every notification about this event's issue shares. */
  private about(
    scene: Scene,
    kind: NotificationKind,
    userId: string,
  ): Pick<NotificationDraft, 'userId' | 'programId' | 'issueId' | 'kind' | 'link' | 'createdAt'> {
    return {
      userId,
      programId: scene.issue.programId,
      issueId: scene.issue.id,
      kind,
      link: issueLink(scene.issue.key),
      createdAt: scene.event.at,
    };
  }

  /** Memberships of active people on these teams. */
  private members(manager: EntityManager, teamIds: readonly string[]): Promise<MembershipEntity[]> {
    return manager
      .createQueryBuilder(MembershipEntity, 'm')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id AND u.active = :active', { active: true })
      .where('m.team_id IN (:...teamIds)', { teamIds: [...teamIds] })
      .getMany();
  }

  private async activeUsers(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const users = await manager.find(UserEntity, {
      where: { id: In([...new Set(userIds)]), active: true },
      select: { id: true },
    });
    return new Set(users.map((u) => u.id));
  }

  private report(error: unknown): void {
    this.logger.error(
      `Could not derive notifications: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
