import { Screen } from '@ipt/domain';

/** What a key press asks for, once the rules below have let it through. */
export type ShortcutAction =
  | { readonly type: 'palette' }
  | { readonly type: 'shortcuts' }
  | { readonly type: 'raise' }
  | { readonly type: 'go'; readonly screen: Screen }
  | { readonly type: 'move'; readonly by: 1 | -1 };

/** The screens `g` then a letter goes to. */
export const GO_KEYS: Readonly<Record<string, Screen>> = {
  i: Screen.ISSUES,
  q: Screen.QUEUE,
  d: Screen.DASHBOARD,
  l: Screen.DECISION_LOG,
};

/** How long after `g` the second key still counts (as in Linear and GitHub). */
export const GO_TIMEOUT_MS = 1500;

/** Every shortcut, as the `?` dialog and the README list them. */
export const SHORTCUTS: readonly {
  /** Pressed one after the other, or (`alternatives`) any one of them. */
  readonly keys: readonly string[];
  readonly alternatives?: boolean;
  readonly does: string;
}[] = [
  {
    keys: ['Ctrl K', '⌘ K'],
    alternatives: true,
    does: 'Open the command palette: jump to an issue, decision or screen',
  },
  { keys: ['/'], does: 'Search (opens the command palette)' },
  { keys: ['?'], does: 'List these shortcuts' },
  { keys: ['c'], does: 'Raise an issue' },
  { keys: ['g', 'i'], does: 'Go to Issues' },
  { keys: ['g', 'q'], does: 'Go to the decision queue' },
  { keys: ['g', 'd'], does: 'Go to the dashboard' },
  { keys: ['g', 'l'], does: 'Go to the decision log' },
  { keys: ['j'], does: 'Next item in a list (tracker, inbox, decision queue)' },
  { keys: ['k'], does: 'Previous item in a list' },
  { keys: ['Enter'], does: 'Open the selected item' },
  { keys: ['Esc'], does: 'Close the palette or dialog' },
];

/** What the rules need to know of a key press (a KeyboardEvent has all of it). */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** Held down and repeating: never a shortcut, so a held key does not fire twenty times. */
  readonly repeat: boolean;
  /** Someone else (a list, a form) already handled it. */
  readonly defaultPrevented: boolean;
}

/** Where the key was pressed, as far as the rules care. */
export interface KeyContext {
  /** The focused element takes text: an input, textarea, select or contenteditable. */
  readonly typing: boolean;
  /** A dialog is open (the palette's own, a form's, the notifications panel). */
  readonly dialogOpen: boolean;
  /** The screens the person's navigation offers: `g` goes only there. */
  readonly screens: readonly Screen[];
}

/** The half-typed sequence: `g` pressed at this instant, waiting for its second key. */
export interface PendingKeys {
  readonly goSince: number | null;
}

export const NO_PENDING_KEYS: PendingKeys = { goSince: null };

const TEXT_INPUT_TYPES = new Set([
  '',
  'text',
  'search',
  'email',
  'password',
  'number',
  'tel',
  'url',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Whether a key pressed in `element` would type into it. */
export function isTyping(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((element as HTMLInputElement).type);
  return false;
}

/** Ctrl-K (Cmd-K on a Mac): the one shortcut that also works from a text field. */
function isPaletteChord(press: KeyPress): boolean {
  return press.key.toLowerCase() === 'k' && (press.ctrlKey || press.metaKey) && !press.altKey;
}

/**
 * The keyboard rules: what a key press does, and what is left half-typed. A shortcut never fires
 * while a dialog is open (the dialog handles its own keys, Escape among them), while typing in a
 * field, with Ctrl, Cmd or Alt held (except Ctrl/Cmd-K), on a repeat, or when something focused
 * already handled the key.
 */
export function readKey(
  press: KeyPress,
  context: KeyContext,
  pending: PendingKeys,
  now: number,
): { action: ShortcutAction | null; pending: PendingKeys } {
  const none = { action: null, pending: NO_PENDING_KEYS };
  if (press.defaultPrevented || press.repeat || context.dialogOpen) return none;
  if (isPaletteChord(press)) return { action: { type: 'palette' }, pending: NO_PENDING_KEYS };
  if (press.ctrlKey || press.metaKey || press.altKey || context.typing) return none;

  const goPending = pending.goSince !== null && now - pending.goSince <= GO_TIMEOUT_MS;
  if (goPending) {
    const screen = GO_KEYS[press.key];
    // A screen the person's navigation does not offer is not there to go to.
    if (screen !== undefined && context.screens.includes(screen)) {
      return { action: { type: 'go', screen }, pending: NO_PENDING_KEYS };
    }
    return none;
  }
  switch (press.key) {
    case 'g':
      return { action: null, pending: { goSince: now } };
    case '/':
      return { action: { type: 'palette' }, pending: NO_PENDING_KEYS };
    case '?':
      return { action: { type: 'shortcuts' }, pending: NO_PENDING_KEYS };
    case 'c':
      return { action: { type: 'raise' }, pending: NO_PENDING_KEYS };
    case 'j':
      return { action: { type: 'move', by: 1 }, pending: NO_PENDING_KEYS };
    case 'k':
      return { action: { type: 'move', by: -1 }, pending: NO_PENDING_KEYS };
    default:
      return none;
  }
}

/** The attribute a list's item link carries so that `j` and `k` can move through it. */
export const LIST_ITEM_ATTRIBUTE = 'data-shortcut-item';

/**
 * The item `j` / `k` selects next: the one after (or before) the focused item, else the first;
 * it stays at either end rather than wrapping, so a held-down habit never jumps to the far end.
 */
export function nextListItem<T>(items: readonly T[], current: T | null, by: 1 | -1): T | null {
  if (items.length === 0) return null;
  const index = current === null ? -1 : items.indexOf(current);
  if (index === -1) return items[0] ?? null;
  return items[Math.min(items.length - 1, Math.max(0, index + by))] ?? null;
}

/**
 * The program the address is about, to search first: `?program=HX` (tracker, dashboard), or the
 * key of the issue open (`/issues/HX-12`); null when it names none.
 */
export function programInAddress(pathname: string, search: string): string | null {
  const named = new URLSearchParams(search).get('program')?.trim().toUpperCase();
  if (named) return named;
  const issue = /^\/issues\/([A-Za-z][A-Za-z0-9]{1,9})-\d+/.exec(pathname);
  return issue?.[1]?.toUpperCase() ?? null;
}

/** Where `c` (raise an issue) goes: the raise form's own address, in the program at hand. */
export function raisePath(programKey: string | null): string {
  return programKey ? `/issues/new?program=${encodeURIComponent(programKey)}` : '/issues/new';
}
