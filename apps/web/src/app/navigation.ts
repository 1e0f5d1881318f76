import { Screen } from '@ipt/domain';

/** Every screen has its own URL, so any of them can be bookmarked, shared and reloaded. */
export const NAVIGATION: readonly { screen: Screen; to: string; label: string }[] = [
  { screen: Screen.DASHBOARD, to: '/dashboard', label: 'Dashboard' },
  { screen: Screen.ISSUES, to: '/issues', label: 'Issues' },
  { screen: Screen.INBOX, to: '/inbox', label: 'Inbox' },
  { screen: Screen.QUEUE, to: '/queue', label: 'Decision queue' },
  { screen: Screen.DECISION_LOG, to: '/decisions', label: 'Decision log' },
  { screen: Screen.MY_DECISIONS, to: '/leadership', label: 'My decisions' },
  { screen: Screen.SETUP, to: '/setup', label: 'Set-up' },
];

/** A screen's path. */
export function pathOf(screen: Screen): string {
  return NAVIGATION.find((item) => item.screen === screen)?.to ?? '/issues';
}

/**
 * The navigation for a person who sees `screens` (libs/domain work.ts decides which); every
 * screen when that is not known (their work could not be read), so no one is locked out.
 */
export function navigationFor(screens: readonly Screen[] | null) {
  return screens === null ? NAVIGATION : NAVIGATION.filter((item) => screens.includes(item.screen));
}
