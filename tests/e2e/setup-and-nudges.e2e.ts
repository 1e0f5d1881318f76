import type { Browser, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { launchChromium, screenshot, seriousViolations, signInHere } from './support/browser';

const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * Set-up and its inline dialogs (a new team, editing and removing a member) pass axe with no
 * serious or critical finding on a desktop and a phone, with axe's experimental
 * label-content-name-mismatch on (it found the team tree's items named by less than they show);
 * and a program manager nudges the people an overdue issue waits on from the dashboard.
 */
describe('set-up’s accessibility and the dashboard’s nudge in the browser', () => {
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

  async function signedIn(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.clock.setFixedTime(app.clock.now());
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await signInHere(page, 'pm@example.com');
    await page.waitForURL(/\/dashboard\?program=HX$/);
    return page;
  }

  for (const { name, width, height } of WIDTHS) {
    it(`set-up and its dialogs have no serious finding at ${width} px`, async () => {
      const page = await signedIn(width, height);
      try {
        await page.goto(`${app.url}/setup`);
        const tree = page.getByRole('tree', { name: 'Teams of HX' });
        await tree.waitFor();
        const findings: Record<string, string[]> = {};
        findings['set-up'] = await seriousViolations(page, { experimental: true });

        // A team chosen in the tree: its details and members.
        await tree
          .getByRole('treeitem', { name: /Radio Hardware WIPT/ })
          .first()
          .click();
        const detail = page.getByRole('region', { name: 'Members of Radio Hardware WIPT' });
        const members = detail.getByRole('button', { name: /^Edit / }).first();
        await members.waitFor();
        findings['a team'] = await seriousViolations(page, { experimental: true });

        await members.click();
        await detail.getByRole('button', { name: 'Save member' }).waitFor();
        findings['editing a member'] = await seriousViolations(page, { experimental: true });
        await detail.getByRole('button', { name: 'Cancel' }).click();

        await detail
          .getByRole('button', { name: /^Remove / })
          .first()
          .click();
        await detail.getByRole('button', { name: 'Confirm removal' }).waitFor();
        findings['removing a member'] = await seriousViolations(page, { experimental: true });
        await detail.getByRole('button', { name: 'Cancel' }).first().click();

        await page.getByRole('button', { name: 'New team' }).click();
        await page.getByRole('button', { name: 'Cancel' }).first().waitFor();
        findings['a new team'] = await seriousViolations(page, { experimental: true });
        await screenshot(page, `setup-new-team-${name}`);

        expect(findings).toEqual({
          'set-up': [],
          'a team': [],
          'editing a member': [],
          'removing a member': [],
          'a new team': [],
        });
      } finally {
        await page.context().close();
      }
      // Five axe runs over a long page, on a shared machine.
    }, 300_000);
  }

  it('lets the program manager nudge who an overdue issue waits on, from the dashboard', async () => {
    const page = await signedIn(1440, 900);
    try {
      const overdue = page.getByRole('table', { name: /Overdue issues/ });
      await overdue.waitFor();
      const nudge = overdue.getByRole('button', { name: /^Nudge / }).first();
      await nudge.waitFor();
      // "Nudge Dana Lee about HX-12": who, and which issue.
      const label = (await nudge.getAttribute('aria-label')) ?? (await nudge.textContent()) ?? '';
      const [, issueKey] = /about (HX-\d+)/.exec(label) ?? [];
      expect(issueKey).toBeDefined();
      await nudge.press('Enter');
      const outcome = page.getByRole('status').filter({ hasText: `about ${issueKey}` });
      await outcome.waitFor();
      expect(await outcome.textContent()).toMatch(new RegExp(`^Nudged .+ about ${issueKey}\\.`));
      expect(
        await overdue
          .getByRole('button', { name: new RegExp(`^Nudged .+ ${issueKey}$`) })
          .isDisabled(),
      ).toBe(true);
      expect(await seriousViolations(page, { experimental: true })).toEqual([]);
      await screenshot(page, 'dashboard-nudged');

      // The holders have it; a second nudge today is refused with when the next is possible.
      const api = await app.as('pm@example.com');
      const again = await api.fails(`mutation ($k: String!) { nudge(issueKey: $k) { issueKey } }`, {
        k: issueKey,
      });
      expect(again.extensions.code).toBe('CONFLICT');
    } finally {
      await page.context().close();
    }
  });
});
