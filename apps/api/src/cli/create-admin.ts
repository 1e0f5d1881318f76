import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { DomainError } from '@ipt/domain';
import { AppModule } from '../app.module';
import { systemClock } from '../common/clock';
import { ConfigError, loadConfig } from '../config/config';
import { UsersService } from '../users/users.service';

const USAGE =
  'Usage: npm run create-admin -- --email you@example.org [--name "Your Name"] [--password ...]';

/** Creates the first system admin on a database that has none (e.g. with IPT_DEMO=false). */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email) {
    console.error(USAGE);
    return 2;
  }
  const config = { ...loadConfig(), demo: false };
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, clock: systemClock }),
    { logger: ['error'] },
  );
  try {
    const users = app.get(UsersService);
    if ((await users.countAdmins()) > 0) {
      console.error(
        'This database already has a system admin; sign in as them to create more accounts.',
      );
      return 1;
    }
    const password = values.password ?? randomBytes(12).toString('base64url');
    const user = await users.create(
      { actorId: null, at: systemClock.now() },
      {
        email: values.email,
        name: values.name ?? values.email.split('@')[0] ?? values.email,
        password,
        isSystemAdmin: true,
      },
    );
    console.log(`Created system admin ${user.email}.`);
    if (!values.password)
      console.log(`Generated password: ${password}\nChange it after you sign in.`);
    return 0;
  } catch (error) {
    if (error instanceof DomainError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
