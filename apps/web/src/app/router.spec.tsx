import { Screen } from '@ipt/domain';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { SessionProvider } from '../features/auth/components/SessionProvider';
import { gqlError, restoreFetch, stubGraphQL, type OperationHandler } from '../test/graphql-stub';
import { AppRoutes } from './router';

const ada = { id: 'u1', email: 'ada@example.test', name: 'Ada Lovelace', isSystemAdmin: false };
const signedOut = () => gqlError('UNAUTHENTICATED', 'You are not signed in.');
const noIssues = () => ({
  data: { issues: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
});
const onePrograms = () => ({
  data: { programs: [{ id: 'p1', key: 'HX', name: 'Heavy Lift Helicopter', phase: 'EMD' }] },
});
// The tracker's other reads, answered empty so the page settles.
const trackerExtras: Record<string, OperationHandler> = {
  TrackerProgram: () => ({
    data: {
      program: { id: 'p1', key: 'HX', name: 'Heavy Lift Helicopter', teams: [], disciplines: [] },
    },
  }),
  TrackerIssueCounts: () => ({ data: { issueCounts: [] } }),
  TrackerSavedViews: () => ({ data: { savedViews: [] } }),
  TrackerRaisableTeams: () => ({ data: { raisableTeams: [] } }),
  MyWork: () => ({ data: { myWork: { landing: 'ISSUES', screens: Object.values(Screen) } } }),
};

function CurrentPath() {
  const location = useLocation();
  return <output data-testid="path">{location.pathname}</output>;
}

function renderApp(url: string, handlers: Record<string, OperationHandler>) {
  const calls = stubGraphQL({ ...trackerExtras, ...handlers });
  render(
    <MemoryRouter initialEntries={[url]}>
      <SessionProvider>
        <AppRoutes />
        <CurrentPath />
      </SessionProvider>
    </MemoryRouter>,
  );
  return calls;
}

const path = () => screen.getByTestId('path').textContent;

afterEach(restoreFetch);

describe('app routes', () => {
  it('sends a signed-out visitor to sign in, then to the issues, and back out again', async () => {
    const calls = renderApp('/issues', {
      Me: signedOut,
      Login: () => ({ data: { login: ada } }),
      Logout: () => ({ data: { logout: true } }),
      TrackerPrograms: onePrograms,
      TrackerIssues: noIssues,
    });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(path()).toBe('/sign-in');

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.test' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Issues' })).toBeInTheDocument();
    expect(path()).toBe('/issues');
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent('IPT Coordination Dashboard');
    expect(header).toHaveTextContent('Ada Lovelace');
    expect(await within(header).findByRole('link', { name: 'Issues' })).toHaveAttribute(
      'href',
      '/issues',
    );
    expect(await screen.findByText('No issues yet')).toBeInTheDocument();

    fireEvent.click(within(header).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(path()).toBe('/sign-in');
    expect(calls.map((call) => call.operationName)).toContain('Logout');
  });

  it('redirects / to /issues for a signed-in user', async () => {
    renderApp('/', {
      Me: () => ({ data: { me: ada } }),
      TrackerPrograms: onePrograms,
      TrackerIssues: noIssues,
    });

    expect(await screen.findByRole('heading', { name: 'Issues' })).toBeInTheDocument();
    expect(path()).toBe('/issues');
  });

  it('lands a program manager on the dashboard of the program they manage', async () => {
    renderApp('/', {
      Me: () => ({ data: { me: ada } }),
      MyWork: () => ({
        data: { myWork: { landing: 'DASHBOARD', screens: Object.values(Screen) } },
      }),
      DashboardPrograms: () => ({
        data: {
          programs: [
            { id: 'p0', key: 'AB', name: 'Another', timeZone: 'UTC', myRole: 'MEMBER' },
            { id: 'p1', key: 'HX', name: 'Heavy Lift', timeZone: 'UTC', myRole: 'PROGRAM_MANAGER' },
          ],
        },
      }),
    });
    // The landing page's code loads lazily, as in the browser.
    await waitFor(() => expect(path()).toBe('/dashboard'), { timeout: 5000 });
  });

  it('shows in the navigation only the screens that apply to the person', async () => {
    renderApp('/issues', {
      Me: () => ({ data: { me: ada } }),
      TrackerPrograms: onePrograms,
      TrackerIssues: noIssues,
      MyWork: () => ({
        data: { myWork: { landing: 'INBOX', screens: ['ISSUES', 'INBOX', 'DECISION_LOG'] } },
      }),
    });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await waitFor(() =>
      expect(
        within(nav)
          .getAllByRole('link')
          .map((link) => link.textContent),
      ).toEqual(['Issues', 'Inbox', 'Decision log']),
    );
  });

  it('takes a signed-in user away from the sign-in page', async () => {
    renderApp('/sign-in', {
      Me: () => ({ data: { me: ada } }),
      TrackerPrograms: onePrograms,
      TrackerIssues: noIssues,
    });

    expect(await screen.findByRole('heading', { name: 'Issues' })).toBeInTheDocument();
    expect(path()).toBe('/issues');
  });

  it('signs the user out locally when a request finds the session expired', async () => {
    renderApp('/issues', {
      Me: () => ({ data: { me: ada } }),
      TrackerPrograms: signedOut,
      TrackerIssues: signedOut,
    });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(path()).toBe('/sign-in');
  });

  it('explains a session check that failed and retries it', async () => {
    let up = false;
    renderApp('/issues', {
      Me: () => (up ? { data: { me: ada } } : { status: 502, body: 'Bad gateway' }),
      TrackerPrograms: onePrograms,
      TrackerIssues: noIssues,
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not check your session');
    expect(alert).toHaveTextContent('HTTP 502');

    up = true;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Issues' })).toBeInTheDocument();
  });

  it('shows a not-found page inside the app frame', async () => {
    renderApp('/nowhere', { Me: () => ({ data: { me: ada } }) });

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('banner')).toHaveTextContent('Ada Lovelace');
  });
});
