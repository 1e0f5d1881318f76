import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TestApp, startTestApp } from '../support/app';
import { launchChromium, signInHere } from './support/browser';

/**
 * Every screen runs under the content security policy (ADR 0020) without a single violation: no
 * blocked script, style, image or connection (the live-update WebSocket included), for a program
 * manager and for a representative. The screens are those of apps/web/src/app/router.tsx.
 */
const SCREENS = [
  '/dashboard?program=HX',
  '/issues',
  '/issues/HX-1',
  '/inbox',
  '/queue',
  '/decisions',
  '/setup',
  '/leadership',
  '/notifications',
  '/no-such-screen',
];

describe('the content security policy on every screen', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let refusals: string[];

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.clock.setFixedTime(app.clock.now());
    // Registered before any page script runs, on every document of the context. A string: this
    // project's tests compile without the DOM's types.
    await context.addInitScript(`
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations.push(
          event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') +
            ' (' + event.sourceFile + ':' + event.lineNumber + ')',
        );
      });
    `);
    page = await context.newPage();
    refusals = [];
    page.on('console', (message) => {
      if (/Refused to|Content Security Policy/i.test(message.text())) refusals.push(message.text());
    });
  });
  afterEach(() => context.close());

  /** Opens a screen, lets it load and connect, and returns what the policy blocked on it. */
  async function visit(path: string): Promise<string[]> {
    await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
    await page.locator('main, form').first().waitFor();
    // Long enough for lazy chunks, charts and the live-update socket to come in.
    await page.waitForTimeout(300);
    const seen = await page.evaluate<unknown>('window.cspViolations');
    // Never passes by not listening: the init script must have run on this document.
    if (!Array.isArray(seen)) throw new Error(`No violation listener on ${path}`);
    return seen as string[];
  }

  async function signIn(email: string): Promise<void> {
    expect(await visit('/sign-in')).toEqual([]);
    await signInHere(page, email);
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }

  it.each(['pm@example.com', 'engineering@example.com'])(
    'as %s: no violation on any screen',
    async (email) => {
      await signIn(email);
      const violations: Record<string, string[]> = {};
      for (const path of SCREENS) {
        const seen = await visit(path);
        if (seen.length > 0) violations[path] = seen;
      }
      expect(violations).toEqual({});
      expect(refusals).toEqual([]);
    },
  );
});
