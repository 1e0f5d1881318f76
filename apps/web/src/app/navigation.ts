/** Every screen has its own URL, so any of them can be bookmarked, shared and reloaded. */
export const NAVIGATION = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/issues', label: 'Issues' },
  { to: '/inbox', label: 'Inbox' },
  { to: '/queue', label: 'Decision queue' },
  { to: '/decisions', label: 'Decision log' },
  { to: '/leadership', label: 'My decisions' },
  { to: '/setup', label: 'Set-up' },
] as const;
