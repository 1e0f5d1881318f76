import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { fakeResponse, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import { DEMO_ACCOUNTS_ENDPOINT } from '../api/get-demo-accounts';
import { SessionContext, type SessionContextValue } from '../session-context';
import { SignInPage } from './SignInPage';

const demo = {
  password: 'ipt-demo-pass',
  accounts: [
    { email: 'pm@example.com', name: 'Pat Morgan', title: 'Program manager' },
    {
      email: 'lead@example.com',
      name: 'Lee Ramirez',
      title: 'PEO, decision authority on the OIPT',
    },
  ],
};

/** Answers the demo-accounts endpoint with `reply`, and GraphQL through the usual stub. */
function stubApi(reply: { status: number; body: unknown }) {
  const calls = stubGraphQL({});
  const graphql = globalThis.fetch;
  const requested: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input) === DEMO_ACCOUNTS_ENDPOINT) {
      requested.push(`${init?.method ?? 'GET'} ${String(input)} ${String(init?.credentials)}`);
      return fakeResponse(reply.body, reply.status);
    }
    return graphql(input, init);
  }) as typeof fetch;
  return { calls, requested };
}

function renderPage() {
  const session: SessionContextValue = {
    session: { status: 'signedOut' },
    signedIn: jest.fn(),
    signOut: jest.fn(),
    retry: jest.fn(),
  };
  render(
    <MemoryRouter initialEntries={['/sign-in']}>
      <SessionContext value={session}>
        <SignInPage />
      </SessionContext>
    </MemoryRouter>,
  );
  return session;
}

afterEach(restoreFetch);

describe('SignInPage', () => {
  it('lists the demo accounts in demo mode; choosing one fills the form without signing in', async () => {
    const { calls, requested } = stubApi({ status: 200, body: demo });
    const session = renderPage();

    const section = (await screen.findByRole('heading', { name: 'Demo accounts' })).closest(
      'section',
    )!;
    expect(requested).toEqual([`GET ${DEMO_ACCOUNTS_ENDPOINT} same-origin`]);
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Pat Morgan');
    expect(items[0]).toHaveTextContent('Program manager');
    expect(items[0]).toHaveTextContent('pm@example.com');

    const use = screen.getByRole('button', { name: 'Use pm@example.com' });
    expect(use).toHaveAttribute('type', 'button');
    expect(use.closest('form')).toBeNull();
    fireEvent.click(use);

    expect(screen.getByLabelText('Email')).toHaveValue('pm@example.com');
    expect(screen.getByLabelText('Password')).toHaveValue('ipt-demo-pass');
    const signIn = screen.getByRole('button', { name: 'Sign in' });
    expect(signIn).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Filled in the form for Pat Morgan');
    // Filling is all it does: nobody signed in, nothing was sent.
    expect(calls).toHaveLength(0);
    expect(session.signedIn).not.toHaveBeenCalled();
    // Still exactly one way to sign in.
    expect(screen.getAllByRole('button', { name: /sign in/i })).toEqual([signIn]);

    fireEvent.click(screen.getByRole('button', { name: 'Use lead@example.com' }));
    expect(screen.getByLabelText('Email')).toHaveValue('lead@example.com');
    expect(calls).toHaveLength(0);
  });

  it('shows no demo accounts when demo mode is off (404)', async () => {
    const { requested } = stubApi({ status: 404, body: { message: 'Demo mode is off.' } });
    renderPage();

    expect(await screen.findByLabelText('Email')).toHaveValue('');
    await screen.findByRole('button', { name: 'Sign in' });
    // Let the request settle, then check nothing appeared.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requested).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Demo accounts' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Use / })).not.toBeInTheDocument();
  });
});
