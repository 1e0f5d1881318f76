import { useCallback, useState } from 'react';
import { NOTIFICATION_KIND_LABELS } from '@ipt/domain';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import type { NotificationKind } from '../../../gql/graphql';
import { toRequestError } from '../../../lib/graphql';
import { useKeptData } from '../../../lib/use-kept-data';
import { useQuery } from '../../../lib/use-query';
import {
  getNotificationPreferences,
  type NotificationPreference,
} from '../api/get-notification-preferences';
import { setNotificationPreference } from '../api/set-notification-preference';

/**
 * One switch per kind of notification. A change is saved at once; while it saves the switch
 * shows the new state, and goes back (with the reason) if the API refuses it.
 */
export function NotificationPreferences() {
  const load = useCallback((signal: AbortSignal) => getNotificationPreferences(signal), []);
  const query = useQuery(load);
  const loaded = useKeptData(query);
  const [overrides, setOverrides] = useState<Partial<Record<NotificationKind, boolean>>>({});
  const [saving, setSaving] = useState<NotificationKind | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (query.status === 'error' && !loaded) {
    return (
      <ErrorMessage
        title="Could not load your notification settings"
        error={query.error}
        onRetry={query.reload}
      />
    );
  }
  if (!loaded) return <Loading label="Loading your notification settings…" />;

  const enabled = (preference: NotificationPreference) =>
    overrides[preference.kind] ?? preference.enabled;

  async function toggle(kind: NotificationKind, next: boolean) {
    setProblem(null);
    setSaved(null);
    setSaving(kind);
    setOverrides((current) => ({ ...current, [kind]: next }));
    try {
      const result = await setNotificationPreference(kind, next);
      setOverrides((current) => ({ ...current, [kind]: result.enabled }));
      const label = NOTIFICATION_KIND_LABELS[kind].label;
      setSaved(`“${label}” turned ${result.enabled ? 'on' : 'off'}.`);
    } catch (error) {
      setOverrides((current) => ({ ...current, [kind]: !next }));
      setProblem(`Could not save that setting: ${toRequestError(error).message}`);
    } finally {
      setSaving(null);
    }
  }

  return (
    <fieldset className="notification-preferences">
      <legend>Tell me when</legend>
      <ul className="notification-preferences__list">
        {loaded.map((preference) => {
          const { label, description } = NOTIFICATION_KIND_LABELS[preference.kind];
          const id = `notification-kind-${preference.kind}`;
          return (
            <li key={preference.kind} className="notification-preferences__item">
              <input
                id={id}
                type="checkbox"
                role="switch"
                checked={enabled(preference)}
                disabled={saving === preference.kind}
                aria-describedby={`${id}-description`}
                onChange={(event) => void toggle(preference.kind, event.target.checked)}
              />
              <label htmlFor={id}>{label}</label>
              <p id={`${id}-description`} className="notification-preferences__description muted">
                {description}
              </p>
            </li>
          );
        })}
      </ul>
      <p className="notification-preferences__status" role="status">
        {saved}
      </p>
      {problem ? (
        <p className="notification-panel__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
