import { SessionEntity } from '../auth/session.entity';
import { SignInThrottleEntity } from '../auth/sign-in-throttle.entity';
import { EventEntity } from '../events/event.entity';
import { ActionItemEntity } from '../issues/action-item.entity';
import { CommentEntity } from '../issues/comment.entity';
import { DecisionEntity } from '../issues/decision.entity';
import { EscalationEntity } from '../issues/escalation.entity';
import { IssueRequiredDisciplineEntity } from '../issues/issue-required-discipline.entity';
import { IssueEntity } from '../issues/issue.entity';
import { NonConcurrenceEntity } from '../issues/non-concurrence.entity';
import { NotificationPreferenceEntity } from '../notifications/notification-preference.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { OptionEntity } from '../issues/option.entity';
import { RecommendationEntity } from '../issues/recommendation.entity';
import { WaiverEntity } from '../issues/waiver.entity';
import { DisciplineEntity } from '../programs/discipline.entity';
import { MembershipEntity } from '../programs/membership.entity';
import { ProgramRoleEntity } from '../programs/program-role.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { SavedViewEntity } from '../saved-views/saved-view.entity';
import { IssueFactsEntity } from '../timeliness/issue-facts.entity';
import { UserEntity } from '../users/user.entity';
import { InitialSchema1764100000000 } from './migrations/1764100000000-initial-schema';
import { SavedViews1764200000000 } from './migrations/1764200000000-saved-views';
import { Timeliness1764300000000 } from './migrations/1764300000000-timeliness';
import { Notifications1764400000000 } from './migrations/1764400000000-notifications';
import { IssueFacts1764500000000 } from './migrations/1764500000000-issue-facts';
import { DurableWrites1764600000000 } from './migrations/1764600000000-durable-writes';
import { DecisionHash1764700000000 } from './migrations/1764700000000-decision-hash';
import { IdempotencyKeys1764800000000 } from './migrations/1764800000000-idempotency-keys';
import { SignInThrottles1764900000000 } from './migrations/1764900000000-sign-in-throttles';
import { NotificationResolution1765000000000 } from './migrations/1765000000000-notification-resolution';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  ProgramEntity,
  ProgramRoleEntity,
  DisciplineEntity,
  TeamEntity,
  MembershipEntity,
  IssueEntity,
  IssueRequiredDisciplineEntity,
  OptionEntity,
  RecommendationEntity,
  WaiverEntity,
  DecisionEntity,
  NonConcurrenceEntity,
  CommentEntity,
  ActionItemEntity,
  EscalationEntity,
  EventEntity,
  SavedViewEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  IssueFactsEntity,
  IdempotencyKeyEntity,
  SignInThrottleEntity,
];

export const MIGRATIONS = [
  InitialSchema1764100000000,
  SavedViews1764200000000,
  Timeliness1764300000000,
  Notifications1764400000000,
  IssueFacts1764500000000,
  DurableWrites1764600000000,
  DecisionHash1764700000000,
  IdempotencyKeys1764800000000,
  SignInThrottles1764900000000,
  NotificationResolution1765000000000,
];
