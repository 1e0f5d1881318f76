import type { Screen } from '@ipt/domain';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  LIST_ITEM_ATTRIBUTE,
  NO_PENDING_KEYS,
  isTyping,
  nextListItem,
  programInAddress,
  raisePath,
  readKey,
  type PendingKeys,
} from '../shortcuts';
import type { PaletteCommand } from './CommandPalette';
import '../shortcut-hint.css';

// The palette and the shortcut list load on first use: no screen's first visit pays for them.
const loadPalette = () => import('./CommandPalette');
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));
const ShortcutsDialog = lazy(() =>
  import('./ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })),
);

interface NavigationItem {
  readonly screen: Screen;
  readonly to: string;
  readonly label: string;
}

/** Any dialog open on the page: shortcuts then leave the keys to it. */
function dialogIsOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]') !== null;
}

/** Moves the focus to the next (or previous) item of the list on screen: `j` and `k`. */
function moveInList(by: 1 | -1): boolean {
  const items = [...document.querySelectorAll<HTMLElement>(`main [${LIST_ITEM_ATTRIBUTE}]`)].filter(
    (item) => item.getClientRects().length > 0,
  );
  const focused = document.activeElement?.closest<HTMLElement>(`[${LIST_ITEM_ATTRIBUTE}]`) ?? null;
  const next = nextListItem(items, focused, by);
  if (!next) return false;
  next.focus();
  next.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** Whether this is a Mac, where the palette's chord is ⌘K rather than Ctrl K. */
function onMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/**
 * The keyboard layer of the signed-in frame: listens for the shortcuts (shortcuts.ts decides what
 * each key does), offers the palette as a header button for mouse, touch and phones, and opens the
 * palette and the shortcut list.
 */
export function KeyboardShortcuts({
  navigation,
}: {
  readonly navigation: readonly NavigationItem[];
}) {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null);
  const pending = useRef<PendingKeys>(NO_PENDING_KEYS);
  const programKey = programInAddress(pathname, search);
  // The frame builds its navigation anew on each render; the listener follows what it holds.
  const navigationKey = navigation.map((item) => item.to).join(' ');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableNavigation = useMemo(() => navigation, [navigationKey]);
  const screens = useMemo(() => stableNavigation.map((item) => item.screen), [stableNavigation]);

  // The router's navigate never rejects (a failing route shows its own error), so a key or a
  // command that navigates leaves it to finish: `void` says so.
  const raise = useCallback(() => void navigate(raisePath(programKey)), [navigate, programKey]);
  const close = useCallback(() => setOpen(null), []);

  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      const read = readKey(
        event,
        { typing: isTyping(document.activeElement), dialogOpen: dialogIsOpen(), screens },
        pending.current,
        // The event's own time (monotonic, from page load): only the gap after `g` matters.
        event.timeStamp,
      );
      pending.current = read.pending;
      const action = read.action;
      if (!action) return;
      switch (action.type) {
        case 'palette':
          setOpen('palette');
          break;
        case 'shortcuts':
          setOpen('shortcuts');
          break;
        case 'raise':
          raise();
          break;
        case 'go': {
          const item = stableNavigation.find((candidate) => candidate.screen === action.screen);
          if (item) navigate(item.to);
          break;
        }
        case 'move':
          // Nothing to move through: the key does what it would have done.
          if (!moveInList(action.by)) return;
          break;
      }
      // The key was a shortcut: it types nothing and the browser does not act on it (Ctrl-K).
      event.preventDefault();
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [navigate, stableNavigation, raise, screens]);

  const commands = useMemo<PaletteCommand[]>(
    () => [
      ...stableNavigation.map((item) => ({
        id: item.to,
        label: `Go to ${item.label}`,
        keywords: 'screen',
        run: () => void navigate(item.to),
      })),
      { id: 'raise', label: 'Raise an issue', keywords: 'new create', run: raise },
      {
        id: 'shortcuts',
        label: 'Show keyboard shortcuts',
        keywords: 'help keys',
        // After the palette has closed and handed the focus back.
        run: () => setTimeout(() => setOpen('shortcuts')),
      },
    ],
    [stableNavigation, navigate, raise],
  );

  const chord = onMac() ? '⌘K' : 'Ctrl K';
  return (
    <>
      <button
        type="button"
        className="button button--secondary shortcut-hint"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K /"
        onClick={() => setOpen('palette')}
        onPointerEnter={() => void loadPalette().catch(() => undefined)}
        onFocus={() => void loadPalette().catch(() => undefined)}
      >
        Search <kbd className="shortcut-hint__keys">{chord}</kbd>
      </button>
      <Suspense fallback={null}>
        {open === 'palette' ? (
          <CommandPalette commands={commands} programKey={programKey} onClose={close} />
        ) : null}
        {open === 'shortcuts' ? <ShortcutsDialog onClose={close} /> : null}
      </Suspense>
    </>
  );
}
