import { ErrorCode } from '@ipt/domain';
import { AccountState, deactivationRefusal } from './account-rules';

describe(deactivationRefusal.name, () => {
  const admin: AccountState = { id: 'a', email: 'a@x.org', active: true, isSystemAdmin: true };
  const person: AccountState = { id: 'p', email: 'p@x.org', active: true, isSystemAdmin: false };

  it('lets an admin deactivate someone else', () => {
    expect(deactivationRefusal('a', person, 0)).toBeNull();
    expect(deactivationRefusal('b', admin, 1)).toBeNull();
  });

  it('refuses deactivating yourself, naming the field', () => {
    const sut = deactivationRefusal('a', admin, 3);
    expect(sut?.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(sut?.details).toEqual({ field: 'userId' });
    expect(sut?.message).toMatch(/your own account/);
  });

  it('refuses deactivating the last active system admin', () => {
    const sut = deactivationRefusal('b', admin, 0);
    expect(sut?.code).toBe(ErrorCode.CONFLICT);
    expect(sut?.message).toMatch(/last active system admin/);
  });

  it('does not count an account that is already inactive', () => {
    expect(deactivationRefusal('b', { ...admin, active: false }, 0)).toBeNull();
  });
});
