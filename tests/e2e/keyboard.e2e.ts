import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { ApiClient } from '../support/client';
import { launchChromium, screenshot, seriousViolations, signInHere } from './support/browser';

interface SearchAnswer {
  search: { issues: { key: string; title: string }[] };
}

/**
 * Keyboard and search, as in Linear: `?` lists the shortcuts, Ctrl-K (or /) opens the command
 * palette that jumps to an issue by key or title, `g` then a letter goes to a screen, `j`/`k` and
 * Enter move through a list and open an item; both dialogs pass axe on a desktop and a phone.
 */
describe('keyboard shortcuts and the command palette in the browser', () => {
  let app: TestApp;
  let api: ApiClient;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp();
    api = await app.as('pm@example.com');
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.clock.setFixedTime(app.clock.now());
    page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await signInHere(page, 'pm@example.com');
    await page.waitForURL(/\/dashboard\?program=HX$/);
    await page.getByRole('list', { name: 'Headline figures' }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  const palette = () => page.getByRole('dialog', { name: 'Go to an issue, decision or screen' });
  const shortcuts = () => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const combobox = () => palette().getByRole('combobox');
  /** How far the page sticks out past the window's right edge (0: no sideways scrolling). */
  const overflow = () =>
    page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );

  /** What the API ranks first for a query: the option Enter takes. */
  async function firstIssueFor(query: string) {
    const answer = await api.ok<SearchAnswer>(
      'query ($q: String!) { search(programKey: "HX", query: $q, first: 8) { issues { key title } } }',
      { q: query },
    );
    const first = answer.search.issues[0];
    if (!first) throw new Error(`The demo has no issue matching ${query}`);
    return first;
  }

  it('lists every shortcut on ?, passes axe, and closes on Escape', async () => {
    await page.keyboard.press('?');
    await shortcuts().waitFor();
    for (const does of [
      'Raise an issue',
      'Go to Issues',
      'Go to the decision queue',
      'Go to the dashboard',
      'Go to the decision log',
      'Next item in a list (tracker, inbox, decision queue)',
    ]) {
      await expect(shortcuts().getByRole('cell', { name: does }).count()).resolves.toBe(1);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'keyboard-shortcuts', { fullPage: false });
    // Shortcuts do not fire behind an open dialog.
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.keyboard.press('Escape');
    await shortcuts().waitFor({ state: 'detached' });
  });

  it('opens the palette with Ctrl-K and jumps to an issue by its key', async () => {
    await page.keyboard.press('Control+k');
    await palette().waitFor();
    await expect(combobox().evaluate((el) => el.ownerDocument.activeElement === el)).resolves.toBe(
      true,
    );
    // Before typing: the screens of the person's navigation.
    await palette().getByRole('option', { name: 'Go to Decision log' }).waitFor();

    await combobox().fill('hx-3');
    const option = palette().getByRole('option', { name: /^HX-3 / });
    await option.waitFor();
    // The exact key is the best match, and the active option.
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(combobox().getAttribute('aria-activedescendant')).resolves.toBe(
      await option.getAttribute('id'),
    );
    await screenshot(page, 'command-palette', { fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/issues\/HX-3$/);
    await palette().waitFor({ state: 'detached' });
  });

  it('finds an issue by a word of its title, the arrow keys moving through the results', async () => {
    const target = await firstIssueFor('radio');
    await page.keyboard.press('/');
    await palette().waitFor();
    await page.keyboard.type('radio');
    const first = palette().getByRole('option', { name: new RegExp(`^${target.key} `) });
    await first.waitFor();
    // Down and back up: the first issue is active again.
    await page.keyboard.press('ArrowDown');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('false');
    await page.keyboard.press('ArrowUp');
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/issues/${target.key}$`));
    await page
      .getByRole('heading', { name: new RegExp(target.title) })
      .first()
      .waitFor();
  });

  it('goes to the tracker with g then i, and moves through its rows with j and k', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('g');
    await page.keyboard.press('i');
    await page.waitForURL(/\/issues(\?|$)/);
    const rows = page.locator('main [data-shortcut-item]');
    await rows.first().waitFor();
    const focusedKey = () =>
      page.evaluate<string | null>('document.activeElement && document.activeElement.textContent');
    const firstKey = await rows.nth(0).textContent();
    const secondKey = await rows.nth(1).textContent();

    await page.keyboard.press('j');
    await expect(focusedKey()).resolves.toBe(firstKey);
    await page.keyboard.press('j');
    await expect(focusedKey()).resolves.toBe(secondKey);
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(focusedKey()).resolves.toBe(secondKey);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/issues/${secondKey}$`));
  });

  it('raises an issue with c', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('c');
    await page.waitForURL(/\/issues\/new\?program=HX$/);
  });

  it('does not take keys typed into a field for shortcuts', async () => {
    await page.goto(`${app.url}/issues?program=HX`);
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.waitFor();
    await search.focus();
    await page.keyboard.type('gic');
    expect(new URL(page.url()).pathname).toBe('/issues');
    await expect(search.inputValue()).resolves.toContain('gic');
  });

  it('offers the palette as a header button on a phone, passing axe', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.url}/issues?program=HX`);
    const button = page.getByRole('button', { name: /^Search/ });
    await button.click();
    await palette().waitFor();
    await combobox().fill('radio');
    await palette().getByRole('option').nth(1).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-command-palette', { fullPage: false });
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
    await expect(button.evaluate((el) => el.ownerDocument.activeElement === el)).resolves.toBe(
      true,
    );
  });

  it('lists the shortcuts from the palette on a phone, passing axe', async () => {
    // A phone has no keyboard: the list is a palette command away.
    const button = page.getByRole('button', { name: /^Search/ });
    await button.click();
    await palette().getByRole('option', { name: 'Show keyboard shortcuts' }).click();
    await shortcuts().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await shortcuts().getByRole('button', { name: 'Close' }).click();
    await shortcuts().waitFor({ state: 'detached' });
  });
});
