import { TestApp, startTestApp } from '../support/app';
import { collect, liveClient, waitFor } from '../support/live';
import {
  ADD_OPTION,
  COMMENT,
  Cast,
  anIssueInReview,
  recommend,
  signInCast,
} from '../support/operations';

const ACTIVITY = `subscription ($issueKey: String, $programKey: String) {
  issueActivity(issueKey: $issueKey, programKey: $programKey) { issueKey programKey type actorName version }
}`;

interface Activity {
  issueActivity: {
    issueKey: string;
    programKey: string;
    type: string;
    actorName: string | null;
    version: number;
  };
}

describe('live updates over WebSocket (graphql-ws)', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await signInCast(app.as);
  });
  afterAll(() => app.stop());

  it('tells a watcher of an issue about recommendations and comments as they commit, and nothing that failed', async () => {
    const issue = await anIssueInReview(cast, app.clock.now().toISOString());
    const client = liveClient(app.url, { cookie: cast.pm.sessionCookie });
    const watch = collect<Activity>(client, ACTIVITY, { issueKey: issue.key });
    const other = await anIssueInReview(cast, app.clock.now().toISOString());
    // Let the subscription settle before changing anything.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const recommended = await recommend(cast.engineering, issue, 'engineering', 'A');
    await cast.test.ok(COMMENT, { input: { issueKey: issue.key, body: 'Watching this one.' } });
    const stale = await cast.engineering.request(ADD_OPTION, {
      input: { issueKey: issue.key, version: 1, title: 'Stale' },
    });
    expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
    await cast.test.ok(COMMENT, { input: { issueKey: other.key, body: 'Elsewhere.' } });

    await waitFor(() => watch.received.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(watch.errors).toEqual([]);
    expect(watch.received.map((r) => r.issueActivity)).toEqual([
      {
        issueKey: issue.key,
        programKey: 'HX',
        type: 'RECOMMENDATION_SUBMITTED',
        actorName: 'Erin Engel',
        version: recommended.version,
      },
      {
        issueKey: issue.key,
        programKey: 'HX',
        type: 'COMMENT_ADDED',
        actorName: 'Theo Tran',
        version: recommended.version,
      },
    ]);
    watch.stop();
    await client.dispose();
  });

  it('refuses a socket without a session, or opened from another site', async () => {
    for (const options of [
      { cookie: null },
      { cookie: cast.pm.sessionCookie, origin: 'http://evil.example' },
    ]) {
      const client = liveClient(app.url, options);
      const watch = collect<Activity>(client, ACTIVITY, { programKey: 'HX' });
      await watch.first;
      expect(watch.received).toEqual([]);
      expect(String((watch.errors[0] as { code?: number; reason?: string })?.code)).toBe('4403');
      await client.dispose();
    }
  });

  it('refuses to watch a program the person has no role in', async () => {
    const admin = await app.as('admin@example.com');
    await admin.ok(
      `mutation { createUser(input: { email: "nobody@example.org", name: "Nobody", password: "nobody-pass-1" }) { id } }`,
    );
    const outsider = app.client();
    await outsider.login('nobody@example.org', 'nobody-pass-1');
    const client = liveClient(app.url, { cookie: outsider.sessionCookie });
    const watch = collect<Activity>(client, ACTIVITY, { programKey: 'HX' });
    await watch.first;
    expect(watch.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    ]);
    await client.dispose();
  });
});
