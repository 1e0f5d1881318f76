import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { FixedClock, systemClock } from '../common/clock';
import { loadConfig } from '../config/config';
import { TimelinessSweepService } from '../timeliness/timeliness-sweep.service';

const USAGE = 'Usage: node apps/api/dist/cli/sweep.js [--at 2026-03-02T14:00:00Z]';

/**
 * Runs the escalation-by-policy sweep once, now or as of `--at`, against the configured database
 * (DATABASE_URL), and prints the escalated issue keys as JSON. For operators, and for the test that
 * runs two of these at once to prove a breach escalates once however many instances sweep.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { at: { type: 'string' } } });
  const at = values.at ? new Date(values.at) : systemClock.now();
  if (Number.isNaN(at.getTime())) {
    console.error(`"${values.at}" is not an instant. ${USAGE}`);
    return 2;
  }
  // A one-off sweep shows no dashboard: no facts cache to load at start.
  const config = {
    ...loadConfig(),
    demo: false,
    timelinessSweepSeconds: 0,
    timelinessFactsCachePrograms: 0,
  };
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config, clock: new FixedClock(at) }),
    { logger: ['error'] },
  );
  try {
    const outcome = await app.get(TimelinessSweepService).sweep(at);
    console.log(JSON.stringify({ at: outcome.at.toISOString(), escalated: outcome.escalated }));
    return 0;
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
