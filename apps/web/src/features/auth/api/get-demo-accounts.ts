/** Where the API lists the demo accounts; it answers 404 unless demo mode is on. */
export const DEMO_ACCOUNTS_ENDPOINT = '/auth/demo-accounts';

export interface DemoAccount {
  email: string;
  name: string;
  title: string;
}

export interface DemoAccounts {
  /** The one password every demo account shares. */
  password: string;
  accounts: DemoAccount[];
}

function isDemoAccounts(value: unknown): value is DemoAccounts {
  if (typeof value !== 'object' || value === null) return false;
  const { password, accounts } = value as Record<string, unknown>;
  return (
    typeof password === 'string' &&
    Array.isArray(accounts) &&
    accounts.every(
      (a: unknown) =>
        typeof a === 'object' &&
        a !== null &&
        typeof (a as Record<string, unknown>)['email'] === 'string' &&
        typeof (a as Record<string, unknown>)['name'] === 'string' &&
        typeof (a as Record<string, unknown>)['title'] === 'string',
    )
  );
}

/**
 * The demo accounts the sign-in page may offer, or null when there are none to offer (demo mode
 * off, the server unreachable, anything unexpected): the list is a convenience, never a blocker.
 * Plain HTTP rather than GraphQL, because it is read before anyone has a session.
 */
export async function getDemoAccounts(signal?: AbortSignal): Promise<DemoAccounts | null> {
  try {
    const response = await fetch(DEMO_ACCOUNTS_ENDPOINT, {
      method: 'GET',
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal: signal ?? null,
    });
    if (!response.ok) return null;
    const body: unknown = await response.json();
    return isDemoAccounts(body) && body.accounts.length > 0 ? body : null;
  } catch {
    return null;
  }
}
