// Browser tests drive Debian's Chromium; say so plainly when it is missing.
const { existsSync } = require('node:fs');

const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(executable)) {
  console.error(
    `Browser tests need Chromium at ${executable}. Install it with:\n  apt-get update && apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium binary).`,
  );
  process.exit(1);
}
