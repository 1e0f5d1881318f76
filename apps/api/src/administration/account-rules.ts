import { DomainError, ErrorCode, badInput } from '@ipt/domain';

export interface AccountState {
  readonly id: string;
  readonly email: string;
  readonly active: boolean;
  readonly isSystemAdmin: boolean;
}

/**
 * Why a system admin may not deactivate `target`, or null when they may. Nobody locks
 * themselves out, and the installation always keeps one active system admin (the check runs
 * inside the write, so two admins deactivating each other at once cannot both succeed).
 *
 * @param otherActiveAdmins active system admins other than `target`, counted in the same transaction
 */
export function deactivationRefusal(
  callerId: string,
  target: AccountState,
  otherActiveAdmins: number,
): DomainError | null {
  if (target.id === callerId) {
    return badInput(
      'userId',
      'You cannot deactivate your own account; ask another system admin to do it.',
    );
  }
  if (target.active && target.isSystemAdmin && otherActiveAdmins === 0) {
    return new DomainError(
      ErrorCode.CONFLICT,
      `${target.email} is the last active system admin; make another account a system admin before deactivating this one.`,
      { field: 'userId' },
    );
  }
  return null;
}
