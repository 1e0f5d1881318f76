import { TestApp, startTestApp } from '../support/app';

const MY_WORK = `{ myWork { systemAdmin programManager decisionAuthority representative landing screens } }`;

interface MyWork {
  myWork: {
    systemAdmin: boolean;
    programManager: boolean;
    decisionAuthority: boolean;
    representative: boolean;
    landing: string;
    screens: string[];
  };
}

/** Each kind of person lands where their work is, and their navigation shows what applies. */
describe('work profile', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  const workOf = async (email: string) => (await (await app.as(email)).ok<MyWork>(MY_WORK)).myWork;

  it('lands the program manager on the dashboard, with every screen', async () => {
    expect(await workOf('pm@example.com')).toEqual({
      systemAdmin: false,
      programManager: true,
      decisionAuthority: true,
      representative: true,
      landing: 'DASHBOARD',
      screens: ['DASHBOARD', 'ISSUES', 'INBOX', 'QUEUE', 'DECISION_LOG', 'MY_DECISIONS', 'SETUP'],
    });
  });

  it('lands the PEO, who decides at the OIPT, on the decision queue', async () => {
    expect(await workOf('lead@example.com')).toMatchObject({
      programManager: false,
      decisionAuthority: true,
      representative: false,
      landing: 'QUEUE',
      screens: ['DASHBOARD', 'ISSUES', 'QUEUE', 'DECISION_LOG', 'MY_DECISIONS'],
    });
  });

  it('lands a representative on the inbox, without the queue, their decisions or set-up', async () => {
    expect(await workOf('engineering@example.com')).toMatchObject({
      decisionAuthority: false,
      representative: true,
      landing: 'INBOX',
      screens: ['ISSUES', 'INBOX', 'DECISION_LOG'],
    });
  });

  it('lands the system admin on set-up', async () => {
    expect(await workOf('admin@example.com')).toMatchObject({
      systemAdmin: true,
      landing: 'SETUP',
    });
  });

  it('is for signed-in people only', async () => {
    const error = await app.client().fails(MY_WORK);
    expect(error.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
