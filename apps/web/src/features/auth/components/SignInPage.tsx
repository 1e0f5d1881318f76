import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { DemoAccount } from '../api/get-demo-accounts';
import type { SessionUser } from '../api/types';
import { useSession } from '../session-context';
import '../auth.css';
import { DemoAccountList } from './DemoAccountList';
import { SignInForm } from './SignInForm';

/** What a chosen demo account puts in the form; `n` remounts the form with the new values. */
interface Fill {
  n: number;
  email: string;
  password: string;
}

/** `/` sends each person to their own landing page (a program manager's is the dashboard). */
const HOME = '/';

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
  const [fill, setFill] = useState<Fill | null>(null);

  function handleChoose(account: DemoAccount, password: string) {
    setFill((previous) => ({ n: (previous?.n ?? 0) + 1, email: account.email, password }));
  }

  function handleSignedIn(user: SessionUser) {
    signedIn(user);
    void navigate(target, { replace: true });
  }

  if (session.status === 'signedIn') return <Navigate to={target} replace />;

  return (
    <main className="page page--centered">
      <title>Sign in · IPT Coordination Dashboard</title>
      <div className="auth-sign-in">
        <section className="card sign-in" aria-labelledby="sign-in-heading">
          <p className="brand brand--large">IPT Coordination Dashboard</p>
          <h1 id="sign-in-heading">Sign in</h1>
          <SignInForm
            key={fill?.n ?? 0}
            onSignedIn={handleSignedIn}
            initialEmail={fill?.email}
            initialPassword={fill?.password}
            focusSubmit={fill !== null}
          />
        </section>
        <DemoAccountList onChoose={handleChoose} />
      </div>
    </main>
  );
}
