import { ErrorCode } from '@ipt/domain';
import { useId, useState, type FormEvent } from 'react';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';
import { login } from '../api/login';
import type { SessionUser } from '../api/types';

interface SignInFormProps {
  onSignedIn: (user: SessionUser) => void;
  /** Starting values (a chosen demo account); remount the form (key) to apply new ones. */
  initialEmail?: string;
  initialPassword?: string;
  /** Put the focus on "Sign in" when the form appears (after a demo account filled it). */
  focusSubmit?: boolean;
}

export function SignInForm({
  onSignedIn,
  initialEmail = '',
  initialPassword = '',
  focusSubmit = false,
}: SignInFormProps) {
  const id = useId();
  const emailId = `${id}-email`;
  const passwordId = `${id}-password`;
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState(initialPassword);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | null>(null);

  const invalidField = error?.code === ErrorCode.BAD_USER_INPUT ? error.field : undefined;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const user = await login({ email: email.trim(), password });
      onSignedIn(user);
    } catch (caught) {
      setError(toRequestError(caught));
      setSubmitting(false);
    }
  }

  return (
    <form className="form" onSubmit={handleSubmit} aria-busy={submitting}>
      {error ? (
        <p className="form__error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={emailId}>Email</label>
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          aria-invalid={invalidField === 'email' ? true : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          aria-invalid={invalidField === 'password' ? true : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={submitting} autoFocus={focusSubmit}>
        Sign in
      </button>
    </form>
  );
}
