import { IssueCommands } from 'api/src/issues/commands';
import { TestApp, startTestApp } from '../support/app';
import { IssueBuilder } from '../support/builders';
import { ApiClient } from '../support/client';

/**
 * An issue's page reads its newest events and comments, not all of them: an issue commented on
 * thousands of times (as a long write benchmark left HX-9) took the page past its time budget.
 * Earlier ones are read a window at a time, and the counts say how many there are.
 */
describe('the timeline and comments, a window at a time', () => {
  let app: TestApp;
  let pm: ApiClient;
  let key: string;
  const COMMENTS = 130;

  beforeAll(async () => {
    app = await startTestApp();
    const build = await IssueBuilder.create(app);
    const commands = app.running.app.get(IssueCommands);
    const issue = await build.raise('Windowed: a busy issue');
    key = issue.key;
    for (let n = 1; n <= COMMENTS; n++) {
      app.clock.advance(1_000);
      await commands.comment(build.caller('pm'), { issueKey: key, body: `Comment ${n}` });
    }
    pm = await app.as('pm@example.com');
  });
  afterAll(() => app.stop());

  const read = (selection: string) =>
    pm.ok<{ issue: Record<string, unknown> }>(
      `query ($key: String!) { issue(key: $key) { ${selection} } }`,
      { key },
    );

  it('counts every event and comment, and gives the newest, oldest first', async () => {
    const { issue } = await read(
      'timelineSize commentCount timeline(last: 5) { seq type } comments(last: 3) { body }',
    );
    // The raise, then one event per comment.
    expect(issue['timelineSize']).toBe(COMMENTS + 1);
    expect(issue['commentCount']).toBe(COMMENTS);
    const events = issue['timeline'] as { seq: number; type: string }[];
    expect(events).toHaveLength(5);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    const all = (await read('timeline { seq }')).issue['timeline'] as { seq: number }[];
    expect(all).toHaveLength(COMMENTS + 1);
    expect(events.map((e) => e.seq)).toEqual(all.slice(-5).map((e) => e.seq));
    expect(issue['comments']).toEqual([
      { body: `Comment ${COMMENTS - 2}` },
      { body: `Comment ${COMMENTS - 1}` },
      { body: `Comment ${COMMENTS}` },
    ]);
  });

  it('pages back from an event, down to the first', async () => {
    const all = (await read('timeline { seq }')).issue['timeline'] as { seq: number }[];
    const newest = all.slice(-5);
    const before = newest[0]!.seq;
    const { issue } = await pm.ok<{ issue: { timeline: { seq: number }[] } }>(
      `query ($key: String!, $before: Int!) { issue(key: $key) { timeline(last: 5, before: $before) { seq } } }`,
      { key, before },
    );
    expect(issue.timeline.map((e) => e.seq)).toEqual(all.slice(-10, -5).map((e) => e.seq));
    const first = await pm.ok<{ issue: { timeline: { seq: number; type: string }[] } }>(
      `query ($key: String!, $before: Int!) { issue(key: $key) { timeline(last: 5, before: $before) { seq type } } }`,
      { key, before: all[1]!.seq },
    );
    expect(first.issue.timeline).toEqual([{ seq: all[0]!.seq, type: 'ISSUE_RAISED' }]);
  });

  it('reads the page’s window of 100 of each, however many there are', async () => {
    const { issue } = await read('timeline(last: 100) { seq } comments(last: 100) { id }');
    expect(issue['timeline']).toHaveLength(100);
    expect(issue['comments']).toHaveLength(100);
  });

  it('refuses a window it would not read, saying how large one may be', async () => {
    for (const selection of [
      'timeline(last: 0) { seq }',
      'timeline(last: 501) { seq }',
      'comments(last: -1) { id }',
      'timeline(before: 3) { seq }',
    ]) {
      const answer = await pm.request(
        `query ($key: String!) { issue(key: $key) { ${selection} } }`,
        {
          key,
        },
      );
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'last',
      });
      expect(answer.errors?.[0]?.message).toMatch(/1 to 500|how many events/);
    }
  });
});
