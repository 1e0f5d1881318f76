import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSession } from '../features/auth/components/RequireSession';
import { SignInPage } from '../features/auth/components/SignInPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './NotFoundPage';

// Route-level code splitting: the issues screen loads only once someone is signed in.
const IssuesPage = lazy(() =>
  import('../features/issues/components/IssuesPage').then((module) => ({
    default: module.IssuesPage,
  })),
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/issues" replace />} />
          <Route path="/issues" element={<IssuesPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
