import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { launchChromium, screenshot, seriousViolations } from './support/browser';

describe('signing in and seeing the program’s issues', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    // axe needs pages of an explicit context.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.clock.setFixedTime(app.clock.now());
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('sends a signed-out visitor to the sign-in page, which passes an accessibility scan', async () => {
    await page.goto(`${app.url}/issues`);
    await page.getByLabel('Email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a wrong password with a message, then signs in and lists the demo issues', async () => {
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel('Email').fill('pm@example.com');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Email or password is not correct.',
    );

    await page.getByLabel('Password').fill('ipt-demo-pass');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A program manager lands on the program's dashboard; the tracker is one click away.
    await page.waitForURL(/\/dashboard\?program=HX$/);
    await page.getByRole('link', { name: 'Issues', exact: true }).click();
    // The tracker is a virtualized grid: it says how many rows it has, and renders those in view.
    const grid = page.getByRole('grid');
    await grid.getByRole('link', { name: 'HX-1', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/issues');
    await expect(grid.getAttribute('aria-rowcount')).resolves.toBe('25'); // header + the 24 demo issues
    await expect(grid.textContent()).resolves.toContain('Radome delamination in humidity testing');
    const untriaged = grid
      .getByRole('row')
      .filter({ hasText: 'Software safety assessment missing' });
    await expect(untriaged.textContent()).resolves.toContain('Not rated');
    await expect(page.getByText('Pat Morgan').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'issues');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
