import { randomBytes } from 'node:crypto';
import { DEMO_TEMPLATE_VARIABLE } from './postgres';

/**
 * Jest's globalSetup for the PostgreSQL run: names the database that the first app to need it
 * fills by loading the demo program at T0, and that startTestApp then copies for every app that
 * would load exactly that. Loading the demo is a few hundred transactions, most of an app's start
 * on PostgreSQL; a copy takes a fraction of it. (The SQLite run loads it in every app.) Only the
 * name is made here: the app cannot be loaded in Jest's own process beside the test files' copy.
 */
export default function nameDemoTemplate(): void {
  process.env[DEMO_TEMPLATE_VARIABLE] =
    `ipt_test_demo_${process.pid}_${randomBytes(6).toString('hex')}`;
}
