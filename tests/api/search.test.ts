import { IssueCommands } from 'api/src/issues/commands';
import type { IssueEntity } from 'api/src/issues/issue.entity';
import { UsersService } from 'api/src/users/users.service';
import { TestApp, startTestApp } from '../support/app';
import { IssueBuilder } from '../support/builders';
import { ApiClient } from '../support/client';

const HOUR_MS = 3_600_000;

const SEARCH = `
  query ($programKey: String!, $query: String!, $first: Int) {
    search(programKey: $programKey, query: $query, first: $first) {
      issues { key title status }
      decisions { id rationale superseded option { title } issue { key } }
    }
  }
`;

interface Found {
  search: {
    issues: { key: string; title: string; status: string }[];
    decisions: {
      id: string;
      rationale: string;
      superseded: boolean;
      option: { title: string };
      issue: { key: string };
    }[];
  };
}

describe('search (the command palette)', () => {
  let app: TestApp;
  let build: IssueBuilder;
  let pm: ApiClient;
  let representative: ApiClient;
  let outsider: ApiClient;
  let gasket: IssueEntity;
  let cracked: IssueEntity;
  let numbered: IssueEntity;
  let decided: IssueEntity;

  const find = (client: ApiClient, query: string, first?: number) =>
    client.ok<Found>(SEARCH, { programKey: 'HX', query, first });
  const keys = (found: Found) => found.search.issues.map((issue) => issue.key);

  beforeAll(async () => {
    app = await startTestApp();
    build = await IssueBuilder.create(app);
    const tick = () => app.clock.advance(HOUR_MS);

    // Raised oldest first: the title that starts with the words must still rank above the newer
    // title that merely contains them.
    gasket = await build.raise('Zephyr gasket leaks at altitude');
    tick();
    cracked = await build.raise('Cracked zephyr gasket housing');
    tick();
    // A newer issue whose title holds the gasket issue's number: the key still comes first.
    numbered = await build.raise(`Lot ${gasket.number} zephyr rework`);
    tick();
    await build.raise('100% of units pass burn-in');
    tick();

    // A decision with words of its own in the option chosen and the rationale.
    decided = await build.awaitingDecision('Quasar antenna supplier', { engineering: 'A' });
    tick();
    decided = await app.running.app.get(IssueCommands).recordDecision(build.caller('pm'), {
      issueKey: decided.key,
      version: decided.version,
      optionId: await build.optionId(decided, 'A'),
      rationale: 'Second-source the marmoset amplifier to protect the fielding date.',
      actionItems: [],
    });

    pm = await app.as('pm@example.com');
    representative = await app.as('cost@example.com');
    await app.running.app
      .get(UsersService)
      .create(
        { actorId: null, at: app.clock.now() },
        { email: 'outsider@example.org', name: 'Olive Outsider', password: 'outsider-pass-1' },
      );
    outsider = app.client();
    await outsider.login('outsider@example.org', 'outsider-pass-1');
  });
  afterAll(() => app.stop());

  it('finds an issue by its key in any case, and by its bare number, first', async () => {
    for (const query of [gasket.key, gasket.key.toLowerCase(), ` ${gasket.key} `]) {
      expect(keys(await find(pm, query))[0]).toBe(gasket.key);
    }
    // The bare number names the issue first, then titles that contain it (the newer one too).
    const byNumber = keys(await find(pm, String(gasket.number), 20));
    expect(byNumber[0]).toBe(gasket.key);
    expect(byNumber).toContain(numbered.key);
    expect(byNumber.indexOf(numbered.key)).toBeGreaterThan(0);
  });

  it('finds issues by words of the title, whatever their case and order', async () => {
    const found = await find(pm, 'GASKET zephyr');
    // Neither title starts with the words as typed: both contain them, the newest first.
    expect(keys(found)).toEqual([cracked.key, gasket.key]);
    expect(found.search.issues[1]).toEqual({
      key: gasket.key,
      title: 'Zephyr gasket leaks at altitude',
      status: 'OPEN',
    });
    expect(keys(await find(pm, 'zephyr nowhere-to-be-found'))).toEqual([]);
  });

  it('ranks the exact key first, then titles that start with the query, then the rest', async () => {
    // Newest first would be numbered, cracked, gasket; the ranking puts the prefix first.
    expect(keys(await find(pm, 'zephyr'))).toEqual([gasket.key, numbered.key, cracked.key]);
    expect(keys(await find(pm, 'zephyr gasket'))).toEqual([gasket.key, cracked.key]);
  });

  it('returns at most `first` of each kind', async () => {
    expect(keys(await find(pm, 'zephyr', 2))).toEqual([gasket.key, numbered.key]);
    expect(keys(await find(pm, 'zephyr', 1))).toEqual([gasket.key]);
  });

  it('matches LIKE wildcards literally', async () => {
    const percent = keys(await find(pm, '100%'));
    expect(percent).toHaveLength(1);
    expect((await find(pm, '100%')).search.issues[0]?.title).toBe('100% of units pass burn-in');
    expect(keys(await find(pm, 'zeph_r'))).toEqual([]);
  });

  it('finds decisions by the rationale and by the chosen option’s title', async () => {
    const byRationale = await find(pm, 'Marmoset amplifier');
    expect(byRationale.search.decisions).toEqual([
      expect.objectContaining({
        rationale: 'Second-source the marmoset amplifier to protect the fielding date.',
        superseded: false,
        issue: { key: decided.key },
      }),
    ]);
    // The issue's own title is not the decision's text; the issue answers for it.
    expect(keys(byRationale)).toEqual([]);
    const byOption = await find(pm, 'course of action 1 marmoset');
    expect(byOption.search.decisions.map((d) => d.issue.key)).toEqual([decided.key]);
    expect(byOption.search.decisions[0]?.option.title).toBe('Course of action 1');
  });

  it('answers anyone in the program, and refuses an outsider as the tracker does', async () => {
    expect(keys(await find(representative, gasket.key))[0]).toBe(gasket.key);
    const refused = await outsider.fails(SEARCH, { programKey: 'HX', query: 'zephyr' });
    expect(refused.extensions.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/not a member of this program/);
    // A program that does not exist reads the same to them: no existence oracle.
    const missing = await outsider.fails(SEARCH, { programKey: 'NOPE', query: 'zephyr' });
    expect(missing.extensions.code).toBe('FORBIDDEN');
    const anonymous = await app.client().fails(SEARCH, { programKey: 'HX', query: 'zephyr' });
    expect(anonymous.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty or over-long query and a size outside 1..20, naming the argument', async () => {
    for (const query of ['', '   ', 'x'.repeat(101)]) {
      const error = await pm.fails(SEARCH, { programKey: 'HX', query });
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions['field']).toBe('query');
      expect(error.message).toMatch(/search/i);
    }
    for (const first of [0, 21]) {
      const error = await pm.fails(SEARCH, { programKey: 'HX', query: 'zephyr', first });
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions['field']).toBe('first');
      expect(error.message).toBe('first must be from 1 to 20.');
    }
  });
});
