import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { createUser } from '../api/create-user';
import { deactivateUser } from '../api/deactivate-user';
import { reactivateUser } from '../api/reactivate-user';
import { resetPassword } from '../api/reset-password';
import type { SetupUser } from '../api/types';
import { CheckboxField, FormAlert, TextField, fieldError } from './fields';
import { yesNo } from './labels';
import { Notice, type NoticeMessage } from './Notice';
import { useAction } from './use-action';
import type { Reloadable } from './use-reloadable';

interface PeopleSectionProps {
  users: Reloadable<SetupUser[] | null>;
  /** The signed-in admin: their own account is changed under "Change my password" instead. */
  myId: string;
}

/** System admins: every account, new ones, (de)activation and password resets. */
export function PeopleSection({ users, myId }: PeopleSectionProps) {
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [creating, setCreating] = useState(false);
  const [resettingId, setResettingId] = useState<string | null>(null);

  function changed(message: string) {
    setNotice({ kind: 'success', text: message });
    users.reload();
  }

  return (
    <section className="setup-section" aria-labelledby="setup-people-heading" id="people">
      <div className="setup-section__header">
        <h2 id="setup-people-heading">People</h2>
        {creating ? null : (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            New person
          </button>
        )}
      </div>
      <p className="muted setup-section__intro">
        Accounts across the installation. Deactivated accounts cannot sign in; their history stays.
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {creating ? (
        <NewPersonForm
          onCreated={(message) => {
            setCreating(false);
            changed(message);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      {users.loading && !users.data ? <Loading label="Loading people…" /> : null}
      {users.error ? (
        <ErrorMessage
          title="Could not load the people"
          error={users.error}
          onRetry={users.reload}
        />
      ) : null}
      {users.data ? (
        users.data.length === 0 ? (
          <div className="empty-state">
            <p className="empty-state__title">No accounts yet</p>
          </div>
        ) : (
          // Focusable, so a table wider than the screen can be scrolled from the keyboard.
          <div className="table-scroll" role="region" aria-label="All accounts" tabIndex={0}>
            <table className="table setup-table">
              <caption>People</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Active</th>
                  <th scope="col">System admin</th>
                  <th scope="col">
                    <span className="setup-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    isMe={user.id === myId}
                    resetting={user.id === resettingId}
                    onReset={() => setResettingId(user.id)}
                    onCancelReset={() => setResettingId(null)}
                    onChanged={(message) => {
                      setResettingId(null);
                      changed(message);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}

interface UserRowProps {
  user: SetupUser;
  isMe: boolean;
  resetting: boolean;
  onReset: () => void;
  onCancelReset: () => void;
  onChanged: (message: string) => void;
}

function UserRow({ user, isMe, resetting, onReset, onCancelReset, onChanged }: UserRowProps) {
  const toggle = useAction();

  async function toggleActive() {
    const done = await toggle.run(() =>
      user.active ? deactivateUser(user.id) : reactivateUser(user.id),
    );
    if (done) onChanged(`${user.active ? 'Deactivated' : 'Reactivated'} ${user.name}.`);
  }

  return (
    <tr className={user.active ? undefined : 'setup-row--inactive'}>
      <th scope="row">
        {user.name}
        {isMe ? <span className="muted"> (you)</span> : null}
      </th>
      <td>{user.email}</td>
      <td>{yesNo(user.active)}</td>
      <td>{yesNo(user.isSystemAdmin)}</td>
      <td className="setup-row-actions">
        {isMe ? (
          <span className="muted setup-small">Use “Change my password” below</span>
        ) : resetting ? (
          <ResetPasswordForm user={user} onDone={onChanged} onCancel={onCancelReset} />
        ) : (
          <>
            <button
              type="button"
              className="button button--secondary setup-button--small"
              onClick={toggleActive}
              disabled={toggle.pending}
            >
              {user.active ? 'Deactivate' : 'Reactivate'}
              <span className="setup-visually-hidden"> {user.name}</span>
            </button>
            {user.active ? (
              <button
                type="button"
                className="button button--secondary setup-button--small"
                onClick={onReset}
              >
                Reset password<span className="setup-visually-hidden"> of {user.name}</span>
              </button>
            ) : null}
            <FormAlert error={toggle.error} />
          </>
        )}
      </td>
    </tr>
  );
}

function ResetPasswordForm({
  user,
  onDone,
  onCancel,
}: {
  user: SetupUser;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [newPassword, setNewPassword] = useState('');
  const action = useAction();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const done = await action.run(() => resetPassword({ userId: user.id, newPassword }));
    if (done) onDone(`Reset the password of ${user.name}; their sessions have ended.`);
  }

  return (
    <form
      className="setup-inline-form"
      aria-label={`Reset the password of ${user.name}`}
      onSubmit={handleSubmit}
      aria-busy={action.pending}
    >
      <FormAlert error={action.error} fields={['newPassword']} />
      <TextField
        label="New password"
        type="password"
        value={newPassword}
        onChange={setNewPassword}
        required
        minLength={10}
        autoComplete="new-password"
        hint="At least 10 characters. Tell them over a channel you trust."
        error={fieldError(action.error, 'newPassword')}
      />
      <div className="setup-actions">
        <button type="submit" className="button setup-button--small" disabled={action.pending}>
          Reset password
        </button>
        <button
          type="button"
          className="button button--secondary setup-button--small"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

function NewPersonForm({
  onCreated,
  onCancel,
}: {
  onCreated: (message: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [isSystemAdmin, setIsSystemAdmin] = useState(false);
  const action = useAction();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const created = await action.run(() =>
      createUser({ name, email: email.trim(), password, isSystemAdmin }),
    );
    if (created) onCreated(`Created an account for ${name.trim()}.`);
  }

  return (
    <form className="card setup-card form" onSubmit={handleSubmit} aria-busy={action.pending}>
      <h3>New person</h3>
      <FormAlert error={action.error} fields={['name', 'email', 'password', 'isSystemAdmin']} />
      <div className="setup-grid">
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          required
          maxLength={200}
          autoComplete="off"
          error={fieldError(action.error, 'name')}
        />
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          required
          maxLength={254}
          autoComplete="off"
          error={fieldError(action.error, 'email')}
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          required
          minLength={10}
          autoComplete="new-password"
          hint="At least 10 characters; they can change it after signing in."
          error={fieldError(action.error, 'password')}
        />
      </div>
      <CheckboxField
        label="System admin"
        checked={isSystemAdmin}
        onChange={setIsSystemAdmin}
        hint="Manages accounts and programs across the installation."
        error={fieldError(action.error, 'isSystemAdmin')}
      />
      <div className="setup-actions">
        <button type="submit" className="button" disabled={action.pending}>
          Create person
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
