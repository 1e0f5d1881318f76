import { useEffect, useId, useState } from 'react';
import { getDemoAccounts, type DemoAccount, type DemoAccounts } from '../api/get-demo-accounts';

interface DemoAccountListProps {
  /** Fill the sign-in form with this account; never signs in by itself. */
  onChoose: (account: DemoAccount, password: string) => void;
}

/**
 * The demo accounts, in demo mode only (the API answers 404 otherwise and this renders nothing).
 * Choosing one fills the form; the person still presses "Sign in", so the list never surprises
 * anyone with a session they did not ask for.
 */
export function DemoAccountList({ onChoose }: DemoAccountListProps) {
  const headingId = useId();
  const [demo, setDemo] = useState<DemoAccounts | null>(null);
  const [chosen, setChosen] = useState<DemoAccount | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    void getDemoAccounts(controller.signal).then((result) => {
      if (result && !controller.signal.aborted) setDemo(result);
    });
    return () => controller.abort();
  }, []);

  if (!demo) return null;

  return (
    <section className="card auth-demo" aria-labelledby={headingId}>
      <h2 id={headingId}>Demo accounts</h2>
      <p className="muted auth-demo__intro">
        Choose a person to fill in the form, then press Sign in. Every demo account uses the
        password <code>{demo.password}</code>.
      </p>
      <ul className="auth-demo__list">
        {demo.accounts.map((account) => (
          <li key={account.email} className="auth-demo__item">
            <span className="auth-demo__who">
              <span className="auth-demo__name">{account.name}</span>
              <span className="auth-demo__title">{account.title}</span>
              <span className="auth-demo__email">{account.email}</span>
            </span>
            <button
              type="button"
              className={
                chosen?.email === account.email
                  ? 'button button--secondary auth-demo__use auth-demo__use--chosen'
                  : 'button button--secondary auth-demo__use'
              }
              onClick={() => {
                setChosen(account);
                onChoose(account, demo.password);
              }}
            >
              Use<span className="auth-visually-hidden"> {account.email}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="auth-visually-hidden" role="status">
        {chosen ? `Filled in the form for ${chosen.name} (${chosen.email}). Press Sign in.` : ''}
      </p>
    </section>
  );
}
