import type { UserEntity } from './user.entity';
import { UserModel } from './user.model';

/** Only what the API means to show: never the password hash. */
export function toUserModel(user: UserEntity): UserModel {
  return Object.assign(new UserModel(), {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    isSystemAdmin: user.isSystemAdmin,
  });
}
