import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { launchChromium, screenshot, seriousViolations, signInHere } from './support/browser';

const DAY_MS = 86_400_000;
const OPEN_STATUSES = 'OPEN,IN_REVIEW,AWAITING_DECISION,DECIDED';

/** The local date of an instant in the demo program's zone (America/New_York). */
function localDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The program manager's landing page on the demo program: headline figures, a chart that opens
 * the tracker filtered to the issues behind a bar, and the past replayed from the event log.
 */
describe('the program dashboard in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // The browser's clock stands where the server's fixed clock does, so "today" agrees.
    await context.clock.setFixedTime(app.clock.now());
    page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await signInHere(page, 'pm@example.com');
    // Signing in lands a program manager on the dashboard.
    await page.waitForURL(/\/dashboard\?program=HX$/);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  const headline = () => page.getByRole('list', { name: 'Headline figures' });
  const figure = (title: string) =>
    headline()
      .getByRole('listitem')
      .filter({ has: page.getByText(title, { exact: true }) });
  const figureValue = (title: string) =>
    figure(title).locator('.dashboard-headline__value').textContent();

  it('is where a program manager lands, with the headline figures of the demo program', async () => {
    await page.goto(`${app.url}/`);
    await page.waitForURL(/\/dashboard\?program=HX$/);
    await headline().waitFor();
    for (const title of [
      'Open issues',
      'Overdue',
      'Median time to resolution',
      'On-time decision rate',
      'Escalation rate',
    ]) {
      await expect(figure(title).count()).resolves.toBe(1);
    }
    await expect(figureValue('Open issues')).resolves.toMatch(/^\d+ issues?$/);
    await expect(figureValue('On-time decision rate')).resolves.toMatch(/^(\d+%|no data)$/);
    await expect(figure('Open issues').textContent()).resolves.toMatch(
      /was \d+ at the period’s start/,
    );
    await expect(page.locator('.dashboard').getAttribute('data-computed-from')).resolves.toBe(
      'CURRENT_STATE',
    );
    // Every chart is there with its table alternative.
    await expect(page.getByRole('button', { name: 'Show as table' }).count()).resolves.toBe(5);
    await page.getByRole('link', { name: /^16-30 days old/ }).waitFor();
    // Charts below the fold draw when scrolled to: pass over each, so the picture shows all five.
    for (const panel of await page.getByRole('button', { name: 'Show as table' }).all()) {
      await panel.scrollIntoViewIfNeeded();
    }
    await page.locator('.recharts-wrapper').nth(4).waitFor();
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens the tracker filtered to the issues behind an aging band', async () => {
    const bar = page.getByRole('link', { name: /^0-7 days old/ });
    const label = (await bar.getAttribute('aria-label')) ?? '';
    const count = Number(/: (\d+) issues?/.exec(label)?.[1]);
    expect(count).toBeGreaterThan(0);
    // Bars are links: reachable from the keyboard, opened with Enter.
    await bar.focus();
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/issues\?/);
    const url = new URL(page.url());
    const today = localDate(app.clock.now());
    const weekAgo = localDate(new Date(app.clock.now().getTime() - 7 * DAY_MS));
    expect(url.searchParams.get('program')).toBe('HX');
    expect(url.searchParams.get('status')).toBe(OPEN_STATUSES);
    expect(url.searchParams.get('raisedFrom')).toBe(weekAgo);
    expect(url.searchParams.get('raisedTo')).toBe(today);

    // The tracker shows the filter and lists exactly the band's issues.
    await page.getByText(`Raised ${weekAgo} to ${today}`).waitFor();
    const grid = page.getByRole('grid');
    await grid.waitFor();
    await expect(grid.getAttribute('aria-rowcount')).resolves.toBe(String(count + 1));
    await expect(page.locator('.issues-summary').textContent()).resolves.toMatch(
      new RegExp(`^${count} issues?`),
    );
    await page.goBack();
    await page.waitForURL(/\/dashboard\?program=HX$/);
  });

  it('opens the tracker on a discipline’s late issues from its table row', async () => {
    const panel = page.getByRole('region', { name: /Recommendation latency by discipline/ });
    await panel.getByRole('button', { name: 'Show as table' }).click();
    const row = panel.getByRole('row').filter({ hasText: 'Systems engineering' });
    await row.getByRole('link').click();
    await page.waitForURL(/\/issues\?/);
    expect(new URL(page.url()).search).toBe('?program=HX&pending=engineering&overdue=true');
    await expect(page.getByLabel('Pending discipline').inputValue()).resolves.toBe('engineering');
    await expect(page.getByLabel('Overdue').inputValue()).resolves.toBe('true');
    await page.goBack();
    await page.waitForURL(/\/dashboard\?program=HX$/);
  });

  it('replays an earlier day from the event log', async () => {
    await headline().waitFor();
    const openNow = await figureValue('Open issues');
    const monthAgo = localDate(new Date(app.clock.now().getTime() - 30 * DAY_MS));

    await page.getByLabel('As of').fill(monthAgo);
    await page.waitForURL(new RegExp(`asOf=${monthAgo}`));
    const banner = page.getByRole('complementary', { name: 'Replaying the past' });
    await banner.waitFor();
    const [year, month, day] = monthAgo.split('-').map(Number) as [number, number, number];
    const written = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year, month - 1, day)));
    await banner.getByText(`As of ${written} — rebuilt from the event log`).waitFor();
    await page.locator('.dashboard[data-computed-from="EVENT_REPLAY"]').waitFor();
    await expect(figureValue('Open issues')).resolves.not.toBe(openNow);
    await screenshot(page, 'dashboard-as-of');

    await banner.getByRole('button', { name: 'Back to today' }).click();
    await page.locator('.dashboard[data-computed-from="CURRENT_STATE"]').waitFor();
    await expect(figureValue('Open issues')).resolves.toBe(openNow);
  });

  it('shows the leadership view of my decisions', async () => {
    await page.getByRole('link', { name: 'My decisions' }).click();
    await page.getByRole('heading', { name: 'My decisions', level: 1 }).waitFor();
    const summary = page.getByRole('list', { name: 'My timeliness' });
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toMatch(/My on-time rate\d+%/);
    const log = page.getByRole('table', { name: 'My decisions, newest first' });
    await expect(log.textContent()).resolves.toMatch(/(before|after|on) the due date/i);
    await screenshot(page, 'leadership');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
