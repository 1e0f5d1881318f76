import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSession } from '../features/auth/components/RequireSession';
import { SignInPage } from '../features/auth/components/SignInPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

/**
 * Loads a module once: the route's lazy component and an early preload share one request. A
 * failed load is forgotten, so the next attempt (a retry, a later visit) asks again.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}

// Route-level code splitting: each screen's code loads when it is first opened, or as the app
// starts when the address already names it (`preloadScreenFor`).
const load = {
  issues: once(() => import('../features/issues/components/IssuesPage')),
  issue: once(() => import('../features/issue/IssuePage')),
  inbox: once(() => import('../features/inbox/InboxPage')),
  queue: once(() => import('../features/queue/DecisionQueuePage')),
  decisions: once(() => import('../features/decision-log/DecisionLogPage')),
  notifications: once(() => import('../features/notifications/NotificationsPage')),
  setup: once(() => import('../features/setup/SetupPage')),
  dashboard: once(() => import('../features/dashboard/DashboardPage')),
  leadership: once(() => import('../features/leadership/LeadershipPage')),
  landing: once(() => import('./LandingRedirect')),
};

const IssuesPage = lazy(() => load.issues().then((m) => ({ default: m.IssuesPage })));
const IssuePage = lazy(() => load.issue().then((m) => ({ default: m.IssuePage })));
const InboxPage = lazy(() => load.inbox().then((m) => ({ default: m.InboxPage })));
const DecisionQueuePage = lazy(() => load.queue().then((m) => ({ default: m.DecisionQueuePage })));
const DecisionLogPage = lazy(() => load.decisions().then((m) => ({ default: m.DecisionLogPage })));
const NotificationsPage = lazy(() =>
  load.notifications().then((m) => ({ default: m.NotificationsPage })),
);
const SetupPage = lazy(() => load.setup().then((m) => ({ default: m.SetupPage })));
const DashboardPage = lazy(() => load.dashboard().then((m) => ({ default: m.DashboardPage })));
const LeadershipPage = lazy(() => load.leadership().then((m) => ({ default: m.LeadershipPage })));
const LandingRedirect = lazy(() => load.landing().then((m) => ({ default: m.LandingRedirect })));

/** The screen code each path needs, first match wins. */
const SCREEN_CODE: readonly [RegExp, () => Promise<unknown>][] = [
  [/^\/issues\/new\/?$/, load.issues],
  [/^\/issues\/[^/]+/, load.issue],
  [/^\/issues\/?$/, load.issues],
  [/^\/inbox/, load.inbox],
  [/^\/queue/, load.queue],
  [/^\/decisions/, load.decisions],
  [/^\/notifications/, load.notifications],
  [/^\/setup/, load.setup],
  [/^\/dashboard/, load.dashboard],
  [/^\/leadership/, load.leadership],
  [/^\/$/, load.landing],
];

/**
 * Starts loading the code of the screen at `pathname` now, beside the session check, instead of
 * after it: on a first visit that check and the screen's code no longer wait on each other.
 */
export function preloadScreenFor(pathname: string): void {
  const found = SCREEN_CODE.find(([pattern]) => pattern.test(pathname));
  // A failed preload is not an error: the route loads the code again when it renders.
  found?.[1]().catch(() => undefined);
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<LandingRedirect />} />
          {/* The tracker, and at /issues/new its raise form: a reload keeps the form open. */}
          <Route path="/issues/new?" element={<IssuesPage />} />
          <Route path="/issues/:key" element={<IssuePage />} />
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/queue" element={<DecisionQueuePage />} />
          <Route path="/decisions" element={<DecisionLogPage />} />
          <Route path="/setup/*" element={<SetupPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/leadership" element={<LeadershipPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
