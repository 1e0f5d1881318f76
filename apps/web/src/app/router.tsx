import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSession } from '../features/auth/components/RequireSession';
import { SignInPage } from '../features/auth/components/SignInPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

// Route-level code splitting: each screen's code loads when it is first opened.
const IssuesPage = lazy(() =>
  import('../features/issues/components/IssuesPage').then((m) => ({ default: m.IssuesPage })),
);
const IssuePage = lazy(() =>
  import('../features/issue/IssuePage').then((m) => ({ default: m.IssuePage })),
);
const InboxPage = lazy(() =>
  import('../features/inbox/InboxPage').then((m) => ({ default: m.InboxPage })),
);
const DecisionQueuePage = lazy(() =>
  import('../features/queue/DecisionQueuePage').then((m) => ({ default: m.DecisionQueuePage })),
);
const DecisionLogPage = lazy(() =>
  import('../features/decision-log/DecisionLogPage').then((m) => ({ default: m.DecisionLogPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage').then((m) => ({
    default: m.NotificationsPage,
  })),
);
const SetupPage = lazy(() =>
  import('../features/setup/SetupPage').then((m) => ({ default: m.SetupPage })),
);
const DashboardPage = lazy(() =>
  import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const LeadershipPage = lazy(() =>
  import('../features/leadership/LeadershipPage').then((m) => ({ default: m.LeadershipPage })),
);
const LandingRedirect = lazy(() =>
  import('./LandingRedirect').then((m) => ({ default: m.LandingRedirect })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<LandingRedirect />} />
          <Route path="/issues" element={<IssuesPage />} />
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
