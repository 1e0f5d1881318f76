import { type Actor, ProgramRoleKind, type Verdict } from '@ipt/domain';

/** The role a refusal names. */
export const VERIFY_RECORD_ROLE =
  'PROGRAM_MANAGER, decision authority in the program, or system admin';

/**
 * Who may verify a program's record: its leadership (program managers, and members holding
 * decision authority on any of its teams; the people the decision queue and "My decisions" serve)
 * and system admins (ADR 0016). Representatives are refused: a check walks the whole chain,
 * which is work worth spending for those who answer for the record.
 */
export function mayVerifyRecord(actor: Actor): Verdict {
  if (
    actor.isSystemAdmin ||
    actor.programRole === ProgramRoleKind.PROGRAM_MANAGER ||
    actor.memberships.some((membership) => membership.decisionAuthority)
  ) {
    return { allowed: true };
  }
  return {
    allowed: false,
    requiredRole: VERIFY_RECORD_ROLE,
    reason:
      'Only program managers, members with decision authority in this program and system admins may verify its record.',
  };
}
