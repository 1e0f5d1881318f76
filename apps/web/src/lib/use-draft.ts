import { useCallback, useEffect, useRef, useState } from 'react';

/** Whose draft of which form about what: one draft per person, form and subject. */
export interface DraftKey {
  /** The signed-in person; null keeps the draft in memory only (nobody to keep it for). */
  readonly person: string | null;
  /** The form ("comment", "recommend"). */
  readonly form: string;
  /** What it is about: an issue key, a program key. */
  readonly subject: string;
}

export interface Draft<T> {
  readonly values: T;
  /** Changes some values (or all, from the current ones); kept at once. */
  readonly update: (change: Partial<T> | ((current: T) => T)) => void;
  /** Whether anything was typed or chosen that differs from where the form started. */
  readonly dirty: boolean;
  /** The same, read now (not as of the last render): for guards that run between renders. */
  readonly isDirty: () => boolean;
  /** Values came back from an earlier visit, reload or another tab. */
  readonly restored: boolean;
  /** Forgets the draft and starts the form again: after it was sent, or on purpose. */
  readonly clear: () => void;
}

const PREFIX = 'ipt.draft.v1';
/** Never kept, whatever a form puts in its values. */
const SECRET = /password|secret|token/i;

export function draftStorageKey(key: DraftKey): string | null {
  return key.person ? `${PREFIX}:${key.person}:${key.form}:${key.subject}` : null;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage can be refused (privacy settings): the form still works, only without drafts.
    return null;
  }
}

/** What was stored, as the form's values: only the keys the form has, with the types it has. */
function parse<T extends object>(raw: string | null, initial: T): T | null {
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as { values?: unknown };
    if (typeof stored.values !== 'object' || stored.values === null) return null;
    const values = stored.values as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...(initial as Record<string, unknown>) };
    for (const [name, start] of Object.entries(initial as Record<string, unknown>)) {
      const value = values[name];
      if (value === undefined || SECRET.test(name)) continue;
      if (Array.isArray(start) ? Array.isArray(value) : typeof value === typeof start)
        merged[name] = value;
    }
    return merged as T;
  } catch {
    return null;
  }
}

function serialise<T extends object>(values: T): string {
  const kept = Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET.test(name)));
  return JSON.stringify({ values: kept });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form's unsent values, kept in localStorage by person, form and subject: they survive a reload,
 * leaving the screen and coming back, and show in another tab of the same form as they are typed
 * (the `storage` event). Cleared when sent or discarded. `initial` is where the form starts; a
 * draft equal to it is no draft and is not kept.
 */
export function useDraft<T extends object>(key: DraftKey, initial: T | (() => T)): Draft<T> {
  const storageKey = draftStorageKey(key);
  const [start] = useState(initial);
  const [values, setValues] = useState<T>(() => {
    const store = storageKey ? storage() : null;
    return parse(store?.getItem(storageKey!) ?? null, start) ?? start;
  });
  const [restored] = useState(() => !same(values, start));
  // The values as last set, for guards and updates between renders (kept in step by every setter).
  const current = useRef(values);

  const keep = useCallback(
    (next: T) => {
      current.current = next;
      const store = storageKey ? storage() : null;
      if (!store || !storageKey) return;
      try {
        if (same(next, start)) store.removeItem(storageKey);
        else store.setItem(storageKey, serialise(next));
      } catch {
        // A full or refused storage loses only the copy; what is on screen stays.
      }
    },
    [storageKey, start],
  );

  const update = useCallback(
    (change: Partial<T> | ((current: T) => T)) => {
      const next =
        typeof change === 'function' ? change(current.current) : { ...current.current, ...change };
      keep(next);
      setValues(next);
    },
    [keep],
  );

  const clear = useCallback(() => {
    keep(start);
    setValues(start);
  }, [keep, start]);

  // Another tab typed in (or sent, or discarded) the same draft: show what it has.
  useEffect(() => {
    if (!storageKey) return;
    function follow(event: StorageEvent) {
      if (event.key !== storageKey) return;
      const next = parse(event.newValue, start) ?? start;
      current.current = next;
      setValues(next);
    }
    window.addEventListener('storage', follow);
    return () => window.removeEventListener('storage', follow);
  }, [storageKey, start]);

  const isDirty = useCallback(() => !same(current.current, start), [start]);

  return { values, update, dirty: !same(values, start), isDirty, restored, clear };
}
