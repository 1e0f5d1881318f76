import type { Browser, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { IssueBuilder } from '../support/builders';
import { launchChromium, screenshot, signInHere } from './support/browser';

/**
 * Every screen works on a phone (390 px) and on a desktop (1440 px) without the page scrolling
 * sideways: the navigation collapses, dialogs stay within the screen, wide tables scroll inside
 * themselves. The screens are those of apps/web/src/app/router.tsx.
 */
const SCREENS: readonly [string, string][] = [
  ['dashboard', '/dashboard?program=HX'],
  ['issues', '/issues'],
  ['issue', '/issues/HX-1'],
  ['inbox', '/inbox'],
  ['queue', '/queue'],
  ['decision-log', '/decisions'],
  ['setup', '/setup'],
  ['my-decisions', '/leadership'],
  ['notifications', '/notifications'],
];

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

/** What sticks out past the right edge of the window, described for a person to find. */
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const page = document.documentElement.scrollWidth;
  const out = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    // Inside something that scrolls sideways on its own: that is allowed.
    let parent = element.parentElement;
    let contained = false;
    while (parent && parent !== document.body) {
      const style = getComputedStyle(parent);
      if (/(auto|scroll|hidden)/.test(style.overflowX) && parent.getBoundingClientRect().right <= width + 1) {
        contained = true;
        break;
      }
      parent = parent.parentElement;
    }
    if (contained) continue;
    const name = element.tagName.toLowerCase() + (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\\s+/).join('.') : '');
    out.push(name + ' right ' + Math.round(box.right));
    if (out.length >= 8) break;
  }
  return { width, page, out };
})()`;

interface Overflow {
  width: number;
  page: number;
  out: string[];
}

describe('phones and narrow windows', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signedIn(email: string, width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.clock.setFixedTime(app.clock.now());
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await signInHere(page, email);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    return page;
  }

  async function overflowOf(page: Page): Promise<Overflow> {
    return page.evaluate<Overflow>(OVERFLOW);
  }

  it.each(
    WIDTHS.flatMap((size) =>
      ['pm@example.com', 'engineering@example.com'].map(
        (email) => [size.name, email, size] as const,
      ),
    ),
  )('at %s width, as %s: no screen scrolls sideways', async (sizeName, email, size) => {
    const page = await signedIn(email, size.width, size.height);
    const problems: Record<string, Overflow> = {};
    for (const [name, path] of SCREENS) {
      await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
      await page.locator('main h1').first().waitFor();
      await page.waitForTimeout(200);
      const found = await overflowOf(page);
      if (found.page > found.width || found.out.length > 0) problems[path] = found;
      if (email === 'pm@example.com') await screenshot(page, `${sizeName}-${name}`);
    }
    expect(problems).toEqual({});
    await page.context().close();
  });

  it('on a phone, opens the navigation from its menu button and keeps dialogs within the screen', async () => {
    const page = await signedIn('pm@example.com', 390, 844);
    await page.goto(`${app.url}/issues`, { waitUntil: 'networkidle' });
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('link', { name: 'Decision log' }).isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await screenshot(page, 'phone-menu', { fullPage: false });
    await page.getByRole('link', { name: 'Decision log' }).click();
    await page.getByRole('heading', { name: 'Decision log' }).waitFor();
    // Going somewhere closes the menu again.
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');

    await page.goto(`${app.url}/issues`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Raise issue' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raise an issue' });
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect((await overflowOf(page)).out).toEqual([]);
    await screenshot(page, 'phone-raise-issue', { fullPage: false });
    await page.context().close();
  });

  it('wraps a 200-character title without spaces instead of widening the page', async () => {
    const build = await IssueBuilder.create(app);
    const title = 'Unbroken' + 'x'.repeat(192);
    const issue = await build.raise(title, { by: 'pm' });
    for (const size of WIDTHS) {
      const page = await signedIn('pm@example.com', size.width, size.height);
      for (const path of [`/issues/${issue.key}`, '/issues', '/inbox', '/dashboard?program=HX']) {
        await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
        await page.locator('main h1').first().waitFor();
        const found = await overflowOf(page);
        expect({ path, size: size.name, ...found }).toEqual({
          path,
          size: size.name,
          width: found.width,
          page: found.width,
          out: [],
        });
      }
      await page.context().close();
    }
  });

  // The program manager has most actions on a few issues; the PEO and a representative have
  // theirs (decide at the OIPT, recommend) somewhere among the demo's 24.
  const EVERY_DEMO_ISSUE = Array.from({ length: 24 }, (_, index) => index + 1);
  it.each([
    ['pm@example.com', [1, 2, 3, 4, 5, 6, 8, 12]],
    ['lead@example.com', EVERY_DEMO_ISSUE],
    ['test@example.com', EVERY_DEMO_ISSUE],
  ] as const)(
    'on a phone, as %s, every action dialog of the issue page stays within the screen',
    async (email, numbers) => {
      const page = await signedIn(email, 390, 844);
      const outside: Record<string, string[]> = {};
      let opened = 0;
      for (const number of numbers) {
        await page.goto(`${app.url}/issues/HX-${number}`, { waitUntil: 'networkidle' });
        await page.locator('main h1').first().waitFor();
        const actions = page
          .getByRole('group', { name: 'Actions on this issue' })
          .getByRole('button');
        const names = await actions.allTextContents();
        for (const name of names) {
          await page
            .getByRole('group', { name: 'Actions on this issue' })
            .getByRole('button', { name, exact: true })
            .click();
          const dialog = page.getByRole('dialog');
          await dialog.waitFor();
          opened++;
          const box = await dialog.boundingBox();
          const found = await overflowOf(page);
          const problems = [...found.out];
          if (!box || box.x < 0 || box.x + box.width > 390)
            problems.push(`dialog ${JSON.stringify(box)}`);
          if (problems.length > 0) outside[`HX-${number} ${name}`] = problems;
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
        }
      }
      expect(opened).toBeGreaterThan(0);
      expect(outside).toEqual({});
      await page.context().close();
    },
  );
});
