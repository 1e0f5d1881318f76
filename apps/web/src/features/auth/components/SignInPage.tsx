import { Navigate, useLocation, useNavigate } from 'react-router';
import type { SessionUser } from '../api/types';
import { useSession } from '../session-context';
import { SignInForm } from './SignInForm';

const HOME = '/issues';

/** Where to go after signing in: back to the page that sent us here, if it is one of ours. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (
      typeof from === 'string' &&
      from.startsWith('/') &&
      !from.startsWith('//') &&
      !from.startsWith('/sign-in')
    ) {
      return from;
    }
  }
  return HOME;
}

export function SignInPage() {
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const target = returnPath(location.state);

  function handleSignedIn(user: SessionUser) {
    signedIn(user);
    void navigate(target, { replace: true });
  }

  if (session.status === 'signedIn') return <Navigate to={target} replace />;

  return (
    <main className="page page--centered">
      <title>Sign in · IPT Coordination Dashboard</title>
      <section className="card sign-in" aria-labelledby="sign-in-heading">
        <p className="brand brand--large">IPT Coordination Dashboard</p>
        <h1 id="sign-in-heading">Sign in</h1>
        <SignInForm onSignedIn={handleSignedIn} />
      </section>
    </main>
  );
}
