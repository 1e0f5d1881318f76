import './node-env';
import { systemClock } from './common/clock';
import { ConfigError, isLoopback, loadConfig } from './config/config';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo/demo-cast';
import { startApp } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const running = await startApp({ config, clock: systemClock });
  const lines = [
    ``,
    `IPT Coordination Dashboard is running at ${running.url}/`,
    `  GraphQL API: ${running.url}/graphql`,
  ];
  const database =
    config.database.kind === 'sqlite' ? `SQLite file ${config.database.path}` : 'PostgreSQL';
  lines.push(`  Database: ${database}`);
  if (config.demo) {
    lines.push(
      ``,
      `Demo mode${running.startup.demoLoaded ? ' (demo program loaded just now)' : ''}. Sign in as any of these, password "${DEMO_PASSWORD}":`,
    );
    for (const person of DEMO_PEOPLE) lines.push(`  ${person.email.padEnd(28)} ${person.title}`);
    // The demo password is in the source and on the sign-in page: anyone who reaches this address
    // can sign in as the system admin. Said at every start, louder when others can reach it.
    lines.push(
      ``,
      isLoopback(config.host)
        ? `Warning: the demo passwords are public. Keep demo mode (IPT_DEMO) off for real data.`
        : `WARNING: demo mode on ${config.host}, which other machines can reach, and the demo passwords are public: anyone who reaches it can sign in as the system admin. Set IPT_DEMO=false for real use.`,
    );
  }
  if (!running.startup.hasUsers) {
    lines.push(
      ``,
      `There are no accounts yet. Create the first system admin with:`,
      `  npm run create-admin -- --email you@example.org --name "Your Name"`,
    );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  console.error('The app could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
