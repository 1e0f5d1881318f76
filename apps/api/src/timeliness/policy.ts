import {
  CONSEQUENCE_LEVELS,
  DEFAULT_TIMELINESS_POLICY,
  TIERS_LOWEST_FIRST,
  type TimelinessPolicy,
  type WorkCalendar,
} from '@ipt/domain';
import type { ProgramEntity } from '../programs/program.entity';
import type { TimelinessPolicyModel } from './timeliness-policy.model';

/** A program's policy as stored (JSON), or the shipped defaults while none is set. */
export function policyOf(program: Pick<ProgramEntity, 'timelinessPolicy'>): TimelinessPolicy {
  const stored = program.timelinessPolicy as TimelinessPolicy | null | undefined;
  return stored && typeof stored === 'object' && 'allowances' in stored
    ? stored
    : DEFAULT_TIMELINESS_POLICY;
}

export function calendarOf(
  program: Pick<ProgramEntity, 'timeZone'>,
  policy: TimelinessPolicy,
): WorkCalendar {
  return { timeZone: program.timeZone, holidays: new Set(policy.holidays) };
}

export function policyModel(program: ProgramEntity): TimelinessPolicyModel {
  const policy = policyOf(program);
  return {
    allowances: CONSEQUENCE_LEVELS.map((consequence) => {
      const a = policy.allowances[consequence];
      return {
        consequence,
        triage: a.TRIAGE,
        recommendations: a.RECOMMENDATIONS,
        decision: a.DECISION,
        resolution: a.RESOLUTION,
      };
    }),
    dayKind: policy.dayKind,
    holidays: [...policy.holidays],
    autoEscalationGrace: TIERS_LOWEST_FIRST.map((tier) => ({
      tier,
      days: policy.autoEscalationGraceDays[tier] ?? null,
    })),
    isDefault: policy === DEFAULT_TIMELINESS_POLICY,
    programVersion: program.version,
  };
}
