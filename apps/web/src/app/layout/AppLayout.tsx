import { Suspense, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Loading } from '../../components/Loading';
import { useSession } from '../../features/auth/session-context';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { toRequestError } from '../../lib/graphql';
import { NAVIGATION } from '../navigation';

export const APP_NAME = 'IPT Coordination Dashboard';

/** The signed-in frame: header with the user and navigation, the current page below. */
export function AppLayout() {
  const { session, signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const user = session.status === 'signedIn' ? session.user : null;

  async function handleSignOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await signOut();
    } catch (error) {
      setSignOutError(`Could not sign out: ${toRequestError(error).message}`);
      setSigningOut(false);
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <p className="brand">{APP_NAME}</p>
          <nav aria-label="Main" className="app-nav">
            {NAVIGATION.map((item) => (
              <NavLink key={item.to} to={item.to}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="app-header__user">
            <NotificationBell />
            {user ? (
              <span className="app-header__name" title={user.email}>
                {user.name}
              </span>
            ) : null}
            <button
              type="button"
              className="button button--secondary"
              onClick={handleSignOut}
              disabled={signingOut}
            >
              Sign out
            </button>
          </div>
        </div>
        {signOutError ? (
          <p className="app-header__error" role="alert">
            {signOutError}
          </p>
        ) : null}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
