import { Screen, landingScreen, screensFor, type WorkProfile } from './work';

const nobody: WorkProfile = {
  systemAdmin: false,
  programManager: false,
  decisionAuthority: false,
  representative: false,
};

describe('work profiles', () => {
  it('lands each kind of person where their work is', () => {
    expect(landingScreen({ ...nobody, representative: true })).toBe(Screen.INBOX);
    expect(landingScreen({ ...nobody, decisionAuthority: true })).toBe(Screen.QUEUE);
    expect(landingScreen({ ...nobody, programManager: true })).toBe(Screen.DASHBOARD);
    expect(landingScreen({ ...nobody, systemAdmin: true })).toBe(Screen.SETUP);
    expect(landingScreen(nobody)).toBe(Screen.ISSUES);
    // Several kinds of work: the most senior decides.
    expect(
      landingScreen({
        ...nobody,
        programManager: true,
        decisionAuthority: true,
        representative: true,
      }),
    ).toBe(Screen.DASHBOARD);
    expect(landingScreen({ ...nobody, decisionAuthority: true, representative: true })).toBe(
      Screen.QUEUE,
    );
  });

  it('offers a representative their inbox, not the decision-maker’s or the manager’s screens', () => {
    expect(screensFor({ ...nobody, representative: true })).toEqual([
      Screen.ISSUES,
      Screen.INBOX,
      Screen.DECISION_LOG,
    ]);
  });

  it('offers a decision authority the queue, their decisions and the dashboard', () => {
    expect(screensFor({ ...nobody, decisionAuthority: true })).toEqual([
      Screen.DASHBOARD,
      Screen.ISSUES,
      Screen.QUEUE,
      Screen.DECISION_LOG,
      Screen.MY_DECISIONS,
    ]);
  });

  it('offers a program manager every screen but the decision-maker’s own, and the union for several kinds', () => {
    expect(screensFor({ ...nobody, programManager: true })).toEqual([
      Screen.DASHBOARD,
      Screen.ISSUES,
      Screen.INBOX,
      Screen.DECISION_LOG,
      Screen.SETUP,
    ]);
    expect(screensFor({ ...nobody, programManager: true, decisionAuthority: true })).toEqual(
      Object.values(Screen),
    );
    expect(screensFor({ ...nobody, systemAdmin: true })).toEqual([
      Screen.ISSUES,
      Screen.DECISION_LOG,
      Screen.SETUP,
    ]);
  });
});
