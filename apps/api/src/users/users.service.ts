import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, badInput } from '@ipt/domain';
import { AuthService } from '../auth/auth.service';
import { validEmail } from '../auth/email';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { DatabaseService } from '../database/database.service';
import { WriteContext } from '../events/write.service';
import { UserEntity } from './user.entity';

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly isSystemAdmin?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DatabaseService,
    private readonly auth: AuthService,
  ) {}

  async create(context: WriteContext, input: NewUser): Promise<UserEntity> {
    const email = validEmail(input.email);
    const name = input.name.trim();
    if (!name) throw badInput('name', 'name must not be empty.');
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw badInput('password', `password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    const passwordHash = await this.auth.hash(input.password);
    return this.db.write(context, async (tx) => {
      if (await tx.manager.existsBy(UserEntity, { email })) {
        throw new DomainError(ErrorCode.CONFLICT, `An account for ${email} already exists.`, {
          field: 'email',
        });
      }
      const user = tx.manager.create(UserEntity, {
        id: randomUUID(),
        email,
        name,
        passwordHash,
        active: true,
        isSystemAdmin: input.isSystemAdmin ?? false,
        createdAt: context.at,
        updatedAt: context.at,
      });
      await tx.manager.insert(UserEntity, user);
      await tx.record({
        type: 'USER_CREATED',
        entityType: 'User',
        entityId: user.id,
        after: { email, name, isSystemAdmin: user.isSystemAdmin },
      });
      return user;
    });
  }

  count(): Promise<number> {
    return this.db.reader.count(UserEntity);
  }

  countAdmins(): Promise<number> {
    return this.db.reader.countBy(UserEntity, { isSystemAdmin: true, active: true });
  }
}
