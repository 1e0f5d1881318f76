import { Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/Loading';
import { useSession } from '../../features/auth/session-context';
import { KeyboardShortcuts } from '../../features/command-palette/components/KeyboardShortcuts';
import { NotificationBell } from '../../features/notifications/components/NotificationBell';
import { toRequestError } from '../../lib/graphql';
import { useQuery } from '../../lib/use-query';
import { navigationFor } from '../navigation';
import { WorkContext, getMyWork } from '../work';

export const APP_NAME = 'IPT Coordination Dashboard';

/** The signed-in frame: header with the user and navigation, the current page below. */
export function AppLayout() {
  const { session, signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  // On a phone the navigation folds behind a Menu button; going anywhere folds it again.
  const { pathname } = useLocation();
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;
  const user = session.status === 'signedIn' ? session.user : null;
  // The navigation shows what applies to the person; nothing until that is known (no flash of
  // screens that then go), everything if it cannot be read.
  const work = useQuery(getMyWork);
  const navigation =
    work.status === 'success'
      ? navigationFor(work.data.screens)
      : work.status === 'error'
        ? navigationFor(null)
        : [];

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
    <WorkContext.Provider value={work}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <p className="brand">{APP_NAME}</p>
          <button
            type="button"
            className="button button--secondary app-menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-navigation"
            onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
          >
            Menu
          </button>
          <nav
            id="main-navigation"
            aria-label="Main"
            className={menuOpen ? 'app-nav app-nav--open' : 'app-nav'}
          >
            {navigation.map((item) => (
              <NavLink key={item.to} to={item.to}>
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="app-header__user">
            <KeyboardShortcuts navigation={navigation} />
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
    </WorkContext.Provider>
  );
}
