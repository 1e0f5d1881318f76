import { useState, type FormEvent } from 'react';
import { changePassword } from '../api/change-password';
import { FormAlert, TextField, fieldError } from './fields';
import { Notice, type NoticeMessage } from './Notice';
import { useAction } from './use-action';

/** For everyone signed in: a new password, given the current one. Other sessions end. */
export function ChangePasswordSection() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const action = useAction();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const done = await action.run(() => changePassword({ currentPassword, newPassword }));
    if (done) {
      setCurrentPassword('');
      setNewPassword('');
      setNotice({
        kind: 'success',
        text: 'Your password was changed. You stay signed in here; your other sessions have ended.',
      });
    }
  }

  return (
    <section className="setup-section" aria-labelledby="setup-password-heading" id="password">
      <h2 id="setup-password-heading">Change my password</h2>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <form
        className="card setup-card form setup-password"
        aria-labelledby="setup-password-heading"
        onSubmit={handleSubmit}
        aria-busy={action.pending}
      >
        <FormAlert error={action.error} fields={['currentPassword', 'newPassword']} />
        <TextField
          label="Current password"
          type="password"
          value={currentPassword}
          onChange={setCurrentPassword}
          required
          autoComplete="current-password"
          error={fieldError(action.error, 'currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          value={newPassword}
          onChange={setNewPassword}
          required
          minLength={10}
          autoComplete="new-password"
          hint="At least 10 characters."
          error={fieldError(action.error, 'newPassword')}
        />
        <div className="setup-actions">
          <button type="submit" className="button" disabled={action.pending}>
            Change password
          </button>
        </div>
      </form>
    </section>
  );
}
