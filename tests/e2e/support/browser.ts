import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, Page, chromium } from 'playwright-core';

export const SCREENSHOTS = join(__dirname, '../../artifacts/screenshots');

/** Debian's Chromium, headless, with the flags this network-less machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Fills and sends the sign-in form open in `page` as a demo account; the caller waits for where
 * the person lands (it depends on their work).
 */
export async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('ipt-demo-pass');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The whole page, or only what the window shows (`fullPage: false`: a phone's first screen). */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * Rules axe ships as experimental, off unless asked: `label-content-name-mismatch` (a control's
 * name must contain the text it shows, so a voice-control user can say what they see).
 */
export const EXPERIMENTAL_RULES = ['label-content-name-mismatch'] as const;

/**
 * Serious and critical accessibility violations on the page as it stands; with `experimental`,
 * also those of axe's experimental rules above.
 */
export async function seriousViolations(
  page: Page,
  { experimental = false }: { experimental?: boolean } = {},
): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (experimental)
    builder.options({
      rules: Object.fromEntries(EXPERIMENTAL_RULES.map((rule) => [rule, { enabled: true }])),
    });
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
