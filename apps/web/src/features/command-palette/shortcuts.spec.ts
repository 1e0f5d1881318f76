import { Screen } from '@ipt/domain';
import {
  GO_TIMEOUT_MS,
  NO_PENDING_KEYS,
  isTyping,
  nextListItem,
  programInAddress,
  raisePath,
  readKey,
  type KeyContext,
  type KeyPress,
} from './shortcuts';

const plain: KeyPress = {
  key: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  defaultPrevented: false,
};
const everywhere: KeyContext = {
  typing: false,
  dialogOpen: false,
  screens: [Screen.ISSUES, Screen.QUEUE, Screen.DASHBOARD, Screen.DECISION_LOG],
};
const NOW = 1_000_000;

function press(key: string, extra: Partial<KeyPress> = {}, context: Partial<KeyContext> = {}) {
  return readKey({ ...plain, key, ...extra }, { ...everywhere, ...context }, NO_PENDING_KEYS, NOW)
    .action;
}

/** `g` then `second`, `after` milliseconds apart. */
function go(second: string, after = 100, context: Partial<KeyContext> = {}) {
  const first = readKey({ ...plain, key: 'g' }, everywhere, NO_PENDING_KEYS, NOW);
  expect(first.action).toBeNull();
  return readKey(
    { ...plain, key: second },
    { ...everywhere, ...context },
    first.pending,
    NOW + after,
  ).action;
}

describe('keyboard shortcuts', () => {
  it('maps the single keys', () => {
    expect(press('?')).toEqual({ type: 'shortcuts' });
    expect(press('/')).toEqual({ type: 'palette' });
    expect(press('c')).toEqual({ type: 'raise' });
    expect(press('j')).toEqual({ type: 'move', by: 1 });
    expect(press('k')).toEqual({ type: 'move', by: -1 });
    expect(press('x')).toBeNull();
  });

  it('opens the palette with Ctrl-K or Cmd-K, also from a text field', () => {
    expect(press('k', { ctrlKey: true })).toEqual({ type: 'palette' });
    expect(press('k', { metaKey: true })).toEqual({ type: 'palette' });
    expect(press('K', { metaKey: true })).toEqual({ type: 'palette' });
    expect(press('k', { ctrlKey: true }, { typing: true })).toEqual({ type: 'palette' });
    expect(press('k', { ctrlKey: true, altKey: true })).toBeNull();
  });

  it('goes to a screen with g then a letter, within the time allowed', () => {
    expect(go('i')).toEqual({ type: 'go', screen: Screen.ISSUES });
    expect(go('q')).toEqual({ type: 'go', screen: Screen.QUEUE });
    expect(go('d')).toEqual({ type: 'go', screen: Screen.DASHBOARD });
    expect(go('l')).toEqual({ type: 'go', screen: Screen.DECISION_LOG });
    expect(go('i', GO_TIMEOUT_MS)).toEqual({ type: 'go', screen: Screen.ISSUES });
    // Too late: the second key is read on its own (k moves up, i does nothing).
    expect(go('i', GO_TIMEOUT_MS + 1)).toBeNull();
    expect(go('k', GO_TIMEOUT_MS + 1)).toEqual({ type: 'move', by: -1 });
    // g then an unknown letter does nothing, and is not read as that letter's shortcut.
    expect(go('c')).toBeNull();
  });

  it('goes only to screens the person’s navigation offers', () => {
    expect(go('q', 100, { screens: [Screen.ISSUES, Screen.INBOX] })).toBeNull();
    expect(go('i', 100, { screens: [Screen.ISSUES, Screen.INBOX] })).toEqual({
      type: 'go',
      screen: Screen.ISSUES,
    });
  });

  it('never fires while typing', () => {
    for (const key of ['?', '/', 'c', 'g', 'j', 'k']) {
      expect(press(key, {}, { typing: true })).toBeNull();
    }
    expect(
      readKey({ ...plain, key: 'g' }, { ...everywhere, typing: true }, NO_PENDING_KEYS, NOW)
        .pending,
    ).toEqual(NO_PENDING_KEYS);
  });

  it('never fires with Ctrl, Cmd or Alt held, on a repeat, or when already handled', () => {
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }]) {
      expect(press('c', modifier)).toBeNull();
      expect(press('j', modifier)).toBeNull();
    }
    expect(press('j', { repeat: true })).toBeNull();
    expect(press('j', { defaultPrevented: true })).toBeNull();
  });

  it('never fires while a dialog is open, Ctrl-K included', () => {
    for (const key of ['?', '/', 'c', 'j']) expect(press(key, {}, { dialogOpen: true })).toBeNull();
    expect(press('k', { ctrlKey: true }, { dialogOpen: true })).toBeNull();
  });

  it('knows which elements take typing', () => {
    const element = (html: string) => {
      document.body.innerHTML = html;
      return document.body.firstElementChild;
    };
    expect(isTyping(element('<input type="text">'))).toBe(true);
    expect(isTyping(element('<input>'))).toBe(true);
    expect(isTyping(element('<textarea></textarea>'))).toBe(true);
    expect(isTyping(element('<select></select>'))).toBe(true);
    const editable = element('<div contenteditable="true"></div>') as HTMLElement;
    // jsdom does not compute isContentEditable; a browser does.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(isTyping(editable)).toBe(true);
    expect(isTyping(element('<input type="checkbox">'))).toBe(false);
    expect(isTyping(element('<a href="/issues/HX-1">HX-1</a>'))).toBe(false);
    expect(isTyping(element('<button>Go</button>'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });

  it('moves through a list without wrapping, starting at the first item', () => {
    const items = ['a', 'b', 'c'];
    expect(nextListItem(items, null, 1)).toBe('a');
    expect(nextListItem(items, null, -1)).toBe('a');
    expect(nextListItem(items, 'a', 1)).toBe('b');
    expect(nextListItem(items, 'c', 1)).toBe('c');
    expect(nextListItem(items, 'b', -1)).toBe('a');
    expect(nextListItem(items, 'a', -1)).toBe('a');
    expect(nextListItem(items, 'elsewhere', 1)).toBe('a');
    expect(nextListItem([], null, 1)).toBeNull();
  });
});

describe('the program an address is about', () => {
  it('reads ?program= first, then the key of the issue open', () => {
    expect(programInAddress('/issues', '?program=hx&status=OPEN')).toBe('HX');
    expect(programInAddress('/issues/HX-12', '')).toBe('HX');
    expect(programInAddress('/issues/ab2-7', '?tab=timeline')).toBe('AB2');
    expect(programInAddress('/dashboard', '?program=HX')).toBe('HX');
    expect(programInAddress('/queue', '')).toBeNull();
    expect(programInAddress('/issues', '')).toBeNull();
  });

  it('raises an issue in the program at hand', () => {
    expect(raisePath('HX')).toBe('/issues/new?program=HX');
    expect(raisePath(null)).toBe('/issues/new');
  });
});
