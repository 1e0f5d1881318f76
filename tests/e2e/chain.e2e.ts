import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { launchChromium, screenshot, seriousViolations, signInHere } from './support/browser';

/**
 * The chain in the browser, as the three kinds of user live it: the program manager raises and
 * triages an issue on the OIPT, two representatives recommend from their inboxes, and the PEO
 * decides from the decision queue while a second browser on the issue page sees the decision
 * appear without a reload. Then the log and its CSV export, and a representative who is neither
 * offered the decision nor allowed it by the API.
 */
describe('the chain in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let issueKey = '';
  let issueTitle = '';

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    contexts.push(context);
    // The browser's clock stands where the server's fixed clock does, so "due in 2 days" agrees.
    await context.clock.setFixedTime(app.clock.now());
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await signInHere(page, email);
    // Each person lands where their work is: the program manager on the dashboard, the PEO on
    // the decision queue, a representative on the inbox.
    const landing: Record<string, RegExp> = {
      'pm@example.com': /\/dashboard\?program=HX$/,
      'lead@example.com': /\/queue$/,
    };
    await page.waitForURL(landing[email] ?? /\/inbox$/);
    return page;
  }

  async function expectAccessible(page: Page, screen: string): Promise<void> {
    await screenshot(page, screen);
    expect({ screen, violations: await seriousViolations(page) }).toEqual({
      screen,
      violations: [],
    });
  }

  const dateInput = (days: number) => {
    const date = new Date(app.clock.now().getTime() + days * 86_400_000);
    return date.toISOString().slice(0, 10);
  };

  it('a program manager raises and triages an issue', async () => {
    const pm = await signedIn('pm@example.com');
    await pm.getByRole('link', { name: 'Issues', exact: true }).click();
    await pm.getByRole('link', { name: 'HX-1', exact: true }).waitFor();
    await expectAccessible(pm, 'issue-tracker');

    issueTitle = 'Waveform certification slips past the OIPT review';
    await pm.getByRole('link', { name: 'Raise issue' }).click();
    await pm.getByLabel('Team').selectOption({ label: 'HX Overarching IPT (OIPT)' });
    await pm.getByLabel('Title').fill(issueTitle);
    await pm
      .getByLabel('Condition statement')
      .fill('The certification authority moved its review board by six weeks.');
    await pm.getByLabel('Impact area').selectOption('SCHEDULE');
    await pm.getByRole('button', { name: 'Raise', exact: true }).click();
    await pm.waitForURL(/\/issues\/HX-\d+$/);
    issueKey = new URL(pm.url()).pathname.split('/').pop()!;
    await pm.getByRole('heading', { level: 1, name: new RegExp(issueTitle) }).waitFor();

    await pm.getByRole('button', { name: 'Triage' }).click();
    const triage = pm.getByRole('dialog');
    const owner = triage.getByLabel('Owner');
    const pat = await owner
      .locator('option', { hasText: 'Pat Morgan' })
      .first()
      .getAttribute('value');
    await owner.selectOption(pat!);
    await triage.getByLabel('Consequence').selectOption('4');
    await triage.getByLabel('Systems engineering').check();
    await triage.getByLabel('Cost & financial management').check();
    await triage.getByLabel('Recommendations due').fill(dateInput(5));
    await triage.getByLabel('Decision due').fill(dateInput(10));
    await triage.getByLabel('Resolution due').fill(dateInput(30));
    await triage.getByRole('button', { name: 'Save triage' }).click();
    await pm.getByText('In review').first().waitFor();

    for (const [title, impacts] of [
      ['Accept the later board date', 'Milestone slips six weeks.'],
      ['Pay for an expedited review', 'Costs $240k; no slip.'],
    ]) {
      await pm.getByRole('button', { name: 'Add option' }).click();
      const dialog = pm.getByRole('dialog');
      await dialog.getByLabel('Title').fill(title!);
      await dialog.getByLabel('Impacts').fill(impacts!);
      await dialog.getByRole('button', { name: 'Add option' }).click();
      await pm.getByText(title!).first().waitFor();
    }
    await expectAccessible(pm, 'issue-page');
  });

  it('two representatives recommend from their inboxes', async () => {
    for (const [email, option] of [
      ['engineering@example.com', 'Pay for an expedited review'],
      ['cost@example.com', 'Accept the later board date'],
    ] as const) {
      const rep = await signedIn(email);
      await rep.getByRole('link', { name: 'Inbox' }).click();
      await rep.getByRole('heading', { name: 'Inbox' }).waitFor();
      const item = rep
        .getByRole('listitem')
        .filter({ hasText: issueKey })
        .or(rep.getByRole('row').filter({ hasText: issueKey }));
      await item.first().getByRole('button', { name: 'Recommend' }).click();
      await rep.getByRole('radio', { name: new RegExp(option) }).check();
      await rep.getByLabel('Rationale').fill(`${email.split('@')[0]} favours this.`);
      if (email.startsWith('engineering')) await expectAccessible(rep, 'inbox');
      await rep.getByRole('button', { name: 'Submit recommendation' }).click();
      await rep
        .getByRole('status')
        .filter({ hasText: `submitted on ${issueKey}` })
        .waitFor();
    }
  });

  it('the PEO decides from the queue while another browser on the issue sees it appear', async () => {
    const watcher = await signedIn('engineering@example.com');
    await watcher.goto(`${app.url}/issues/${issueKey}`);
    await watcher.getByRole('heading', { level: 1, name: new RegExp(issueTitle) }).waitFor();
    await watcher.getByText('Awaiting decision').first().waitFor();
    expect(await watcher.getByRole('button', { name: 'Record decision' }).count()).toBe(0);

    const lead = await signedIn('lead@example.com');
    await lead.getByRole('link', { name: 'Decision queue' }).click();
    await lead.getByRole('heading', { name: 'Decision queue' }).waitFor();
    const card = lead.getByRole('article').filter({ hasText: issueKey });
    await card.waitFor();
    await expectAccessible(lead, 'decision-queue');
    await card.getByRole('button', { name: 'Record decision' }).click();
    // The issue page's own decision form, over the queue.
    const decision = lead.getByRole('dialog', { name: 'Record decision' });
    await decision.getByRole('radio', { name: /Pay for an expedited review/ }).check();
    await decision.getByLabel('Rationale').fill('The milestone matters more than the fee.');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    await card.waitFor({ state: 'detached' });

    // The watcher never reloaded: the decision arrives over the WebSocket.
    await watcher
      .getByText('The milestone matters more than the fee.')
      .first()
      .waitFor({ timeout: 5000 });
    await watcher.getByText('Decided').first().waitFor();
  });

  it('shows the decision in the log and in its CSV export', async () => {
    const pm = await signedIn('pm@example.com');
    await pm.getByRole('link', { name: 'Decision log' }).click();
    await pm.getByRole('heading', { name: 'Decision log' }).waitFor();
    const row = pm.getByRole('row').filter({ hasText: issueKey });
    await row.waitFor();
    expect(await row.textContent()).toContain('Lee Ramirez');
    await expectAccessible(pm, 'decision-log');
    const [download] = await Promise.all([
      pm.waitForEvent('download'),
      pm.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/issue/i);
    expect(csv).toContain(issueKey);
    expect(csv).toContain('Pay for an expedited review');
    // The whole record travels: the rationale, and times in the program's zone with its offset.
    expect(csv).toContain('The milestone matters more than the fee.');
    expect(csv).toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00,America\/New_York,/);
  });

  it('does not offer a representative the decision, and the API refuses it if forced', async () => {
    const rep = await signedIn('test@example.com');
    await rep.goto(`${app.url}/issues/HX-20`);
    await rep.getByRole('heading', { level: 1 }).waitFor();
    await rep.getByText('Awaiting decision').first().waitFor();
    expect(await rep.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
    const forced = await rep.evaluate(async () => {
      const issue = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ issue(key: "HX-20") { version options { id } } }' }),
      }).then(
        (r) =>
          r.json() as Promise<{ data: { issue: { version: number; options: { id: string }[] } } }>,
      );
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'mutation ($input: RecordDecisionInput!) { recordDecision(input: $input) { status } }',
          variables: {
            input: {
              issueKey: 'HX-20',
              version: issue.data.issue.version,
              optionId: issue.data.issue.options[0]?.id,
              rationale: 'Forced.',
            },
          },
        }),
      });
      return response.json() as Promise<{ errors: { extensions: { code: string } }[] }>;
    });
    expect(forced.errors[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('passes an accessibility scan on set-up', async () => {
    const pm = await signedIn('pm@example.com');
    await pm.getByRole('link', { name: 'Set-up' }).click();
    await pm.getByRole('heading', { name: 'Set-up' }).waitFor();
    await pm.getByText('HX Overarching IPT').first().waitFor();
    await expectAccessible(pm, 'set-up');
  });
});
