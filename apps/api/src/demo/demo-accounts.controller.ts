import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { In } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseService } from '../database/database.service';
import { UserEntity } from '../users/user.entity';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-cast';

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  readonly title: string;
}

/**
 * The demo accounts the sign-in page offers, in demo mode only. Plain HTTP rather than GraphQL:
 * every GraphQL operation but `login` needs a session, and this must be readable before one.
 *
 * The system admin stays in the list, with the shared password: that password is in the source
 * and the README already, so leaving the admin out would hide nothing and only make the demo's
 * set-up screens harder to find. What keeps it safe is that demo mode is never on unasked where
 * other machines can reach the app (config `demo`), the start message warns, and sign-in failures
 * are throttled all the same.
 */
@Controller('auth/demo-accounts')
export class DemoAccountsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DatabaseService,
  ) {}

  @Get()
  async list(): Promise<{ password: string; accounts: DemoAccount[] }> {
    if (!this.config.demo) throw new NotFoundException('Demo mode is off.');
    const existing = await this.db.reader.find(UserEntity, {
      where: { email: In(DEMO_PEOPLE.map((p) => p.email)), active: true },
      select: { email: true },
    });
    const present = new Set(existing.map((u) => u.email));
    return {
      password: DEMO_PASSWORD,
      accounts: DEMO_PEOPLE.filter((p) => present.has(p.email)).map(({ email, name, title }) => ({
        email,
        name,
        title,
      })),
    };
  }
}
