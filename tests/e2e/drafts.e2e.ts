import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { Cast, HARDWARE_WIPT, raiseOn, signInCast, triage } from '../support/operations';
import { launchChromium, screenshot, seriousViolations, signInHere } from './support/browser';

/**
 * Nothing typed is lost: the Raise form has its own address and keeps its draft across a reload,
 * the comment box too; leaving with unsent text asks first (in the app and on a reload); sending
 * clears the draft. A representative on an issue without options adds one from the Recommend
 * form and goes on. The new dialogs pass axe at desktop and phone widths.
 */
describe('drafts in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let cast: Cast;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    cast = await signInCast(app.as);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
  });

  async function signedIn(email: string, width = 1440): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    await context.clock.setFixedTime(app.clock.now());
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await signInHere(page, email);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    return page;
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect({ name, violations: await seriousViolations(page) }).toEqual({ name, violations: [] });
  }

  /** Answers the next browser dialog (confirm or beforeunload) and says what it was. */
  function answerNextDialog(page: Page, accept: boolean): Promise<Dialog> {
    return new Promise((resolve) => {
      page.once('dialog', (dialog) => {
        void (accept ? dialog.accept() : dialog.dismiss()).then(() => resolve(dialog));
      });
    });
  }

  it('keeps the Raise form and its draft across a reload, asks before leaving, and clears it when raised', async () => {
    const pm = await signedIn('pm@example.com');
    await pm.goto(`${app.url}/issues?program=HX`);
    await pm.getByRole('link', { name: 'Raise issue' }).click();
    await pm.waitForURL(/\/issues\/new\?program=HX$/);
    const raise = pm.getByRole('dialog', { name: 'Raise an issue' });
    await raise.getByLabel('Title').fill('Connector corrosion after salt fog');
    await raise.getByLabel('Condition statement').fill('Three of five connectors corroded.');

    // A reload asks first (the browser's own question), then keeps the form and the text.
    const unload = answerNextDialog(pm, true);
    await pm.reload();
    expect((await unload).type()).toBe('beforeunload');
    await pm.getByRole('dialog', { name: 'Raise an issue' }).waitFor();
    expect(pm.url()).toMatch(/\/issues\/new\?program=HX$/);
    await expect(raise.getByLabel('Title').inputValue()).resolves.toBe(
      'Connector corrosion after salt fog',
    );
    await raise.getByText('Your unsent draft is back').waitFor();
    await expectAccessible(pm, 'raise-draft');

    // Leaving for another screen asks; staying keeps everything.
    const stay = answerNextDialog(pm, false);
    await pm.getByRole('link', { name: 'Decision log' }).click();
    expect((await stay).message()).toContain('You have text that was not sent');
    expect(new URL(pm.url()).pathname).toBe('/issues/new');
    await expect(raise.getByLabel('Title').inputValue()).resolves.toBe(
      'Connector corrosion after salt fog',
    );

    await raise.getByLabel('Team').selectOption({ label: 'Radio Hardware WIPT (WIPT)' });
    await raise.getByLabel('Impact area').selectOption({ label: 'Performance' });
    await raise.getByRole('button', { name: 'Raise', exact: true }).click();
    await pm.waitForURL(/\/issues\/HX-\d+$/);

    // Raised: the draft is gone, a new Raise form starts empty.
    await pm.goto(`${app.url}/issues/new?program=HX`);
    await expect(
      pm.getByRole('dialog', { name: 'Raise an issue' }).getByLabel('Title').inputValue(),
    ).resolves.toBe('');
  });

  it('keeps an unsent comment across a reload, and forgets it once sent', async () => {
    const issue = await raiseOn(cast.engineering, HARDWARE_WIPT, 'Gasket swells in fuel');
    const pm = await signedIn('pm@example.com');
    await pm.goto(`${app.url}/issues/${issue.key}`);
    const comment = pm.getByRole('textbox', { name: 'Comment' });
    await comment.fill('Has supply seen this batch?');

    const unload = answerNextDialog(pm, true);
    await pm.reload();
    expect((await unload).type()).toBe('beforeunload');
    await expect(comment.inputValue()).resolves.toBe('Has supply seen this batch?');

    await pm.getByRole('button', { name: 'Add comment' }).click();
    await pm.locator('.issue-comment').filter({ hasText: 'Has supply seen this batch?' }).waitFor();
    await expect(comment.inputValue()).resolves.toBe('');
    // Nothing unsent now: a reload goes ahead without a question.
    let asked = false;
    pm.once('dialog', (dialog) => {
      asked = true;
      void dialog.accept();
    });
    await pm.reload();
    await comment.waitFor();
    await expect(comment.inputValue()).resolves.toBe('');
    expect(asked).toBe(false);
  });

  for (const width of [1440, 390]) {
    it(`a representative adds the missing option from the Recommend form and recommends (${width} px)`, async () => {
      const raised = await raiseOn(cast.engineering, HARDWARE_WIPT, `No options yet at ${width}`);
      const issue = await triage(cast, raised, app.clock.now().toISOString());
      const rep = await signedIn('engineering@example.com', width);
      await rep.goto(`${app.url}/inbox`);
      const row = rep.getByRole('row').filter({ hasText: issue.key });
      await row.getByRole('button', { name: 'Recommend' }).click();

      let form = rep.getByRole('dialog', { name: 'Submit recommendation' });
      await form.getByText('This issue has no options yet').waitFor();
      await form.getByLabel('Rationale').fill('Whatever is chosen must pass salt fog.');
      await expectAccessible(rep, `recommend-no-option-${width}`);
      await form.getByRole('button', { name: 'Add an option' }).click();

      const adding = rep.getByRole('dialog', { name: 'Add option' });
      await adding.getByLabel('Title').fill('Switch to a fluorocarbon gasket');
      await expectAccessible(rep, `recommend-add-option-${width}`);
      await adding.getByRole('button', { name: 'Add option' }).click();

      form = rep.getByRole('dialog', { name: 'Submit recommendation' });
      await form.getByRole('radio', { name: /Switch to a fluorocarbon gasket/ }).check();
      await expect(form.getByLabel('Rationale').inputValue()).resolves.toBe(
        'Whatever is chosen must pass salt fog.',
      );
      await form.getByRole('button', { name: 'Submit recommendation' }).click();
      await rep.getByText(`Recommendation submitted on ${issue.key}.`).waitFor();
    });
  }
});
