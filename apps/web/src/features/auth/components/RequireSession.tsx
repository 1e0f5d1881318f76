import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useSession } from '../session-context';

/** Route guard: renders its child routes only for a signed-in user, else sends them to sign in. */
export function RequireSession() {
  const { session, retry } = useSession();
  const location = useLocation();

  switch (session.status) {
    case 'loading':
      return (
        <main className="page page--centered">
          <Loading label="Checking your session…" />
        </main>
      );
    case 'error':
      return (
        <main className="page page--centered">
          <ErrorMessage
            title="Could not check your session"
            error={session.error}
            onRetry={retry}
          />
        </main>
      );
    case 'signedOut':
      return (
        <Navigate
          to="/sign-in"
          replace
          state={{ from: `${location.pathname}${location.search}` }}
        />
      );
    case 'signedIn':
      return <Outlet />;
  }
}
