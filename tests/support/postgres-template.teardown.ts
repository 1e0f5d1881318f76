import { demoTemplateName, dropTestPostgresDatabase } from './postgres';

/** Jest's globalTeardown for the PostgreSQL run: drops the demo template, if an app made it. */
export default async function dropDemoTemplate(): Promise<void> {
  const template = demoTemplateName();
  if (template) await dropTestPostgresDatabase(template);
}
