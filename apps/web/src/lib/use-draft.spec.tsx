import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider, useLocation } from 'react-router';
import { LEAVE_QUESTION, LeaveGuardProvider, useLeaveGuard } from './leave-guard';
import { draftStorageKey, useDraft } from './use-draft';

const KEY = { person: 'u1', form: 'comment', subject: 'HX-7' };
const START = { body: '', optionId: '' };

beforeEach(() => localStorage.clear());

// jsdom has no fetch Request; a data router makes one per navigation (only its URL and signal
// matter without loaders).
class NavigationRequest {
  readonly signal: AbortSignal | undefined;
  constructor(
    readonly url: string,
    init: { signal?: AbortSignal } = {},
  ) {
    this.signal = init.signal;
  }
  get method(): string {
    return 'GET';
  }
}
Object.assign(globalThis, { Request: globalThis.Request ?? NavigationRequest });

describe('useDraft', () => {
  it('keeps what is typed by person, form and subject, and brings it back on the next visit', () => {
    const first = renderHook(() => useDraft(KEY, START));
    act(() => first.result.current.update({ body: 'Half a thought' }));
    expect(first.result.current.dirty).toBe(true);
    first.unmount();

    const again = renderHook(() => useDraft(KEY, START));
    expect(again.result.current.values).toEqual({ body: 'Half a thought', optionId: '' });
    expect(again.result.current.restored).toBe(true);

    // Someone else, another form or another issue starts empty.
    for (const other of [
      { ...KEY, person: 'u2' },
      { ...KEY, form: 'recommend' },
      { ...KEY, subject: 'HX-8' },
    ]) {
      expect(renderHook(() => useDraft(other, START)).result.current.values).toEqual(START);
    }
  });

  it('forgets the draft when cleared (sent or discarded), and keeps nothing equal to the start', () => {
    const { result } = renderHook(() => useDraft(KEY, START));
    act(() => result.current.update({ body: 'Sent now' }));
    act(() => result.current.clear());
    expect(result.current.values).toEqual(START);
    expect(result.current.isDirty()).toBe(false);
    expect(localStorage.getItem(draftStorageKey(KEY)!)).toBeNull();

    act(() => result.current.update({ body: 'x' }));
    act(() => result.current.update({ body: '' }));
    expect(localStorage.getItem(draftStorageKey(KEY)!)).toBeNull();
  });

  it('follows the same draft typed in another tab (the storage event), and its clearing', () => {
    const { result } = renderHook(() => useDraft(KEY, START));
    const key = draftStorageKey(KEY)!;
    const fromOtherTab = JSON.stringify({ values: { body: 'Typed there' } });
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: fromOtherTab }));
    });
    expect(result.current.values.body).toBe('Typed there');
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: null }));
    });
    expect(result.current.values).toEqual(START);
  });

  it('never stores a password, and ignores stored values of the wrong kind', () => {
    const key = draftStorageKey(KEY)!;
    const { result } = renderHook(() =>
      useDraft(KEY, { body: '', password: '', items: [] as string[] }),
    );
    act(() => result.current.update({ body: 'b', password: 'hunter2' }));
    expect(localStorage.getItem(key)).not.toContain('hunter2');

    localStorage.setItem(key, JSON.stringify({ values: { body: 42, optionId: ['x'] } }));
    expect(renderHook(() => useDraft(KEY, START)).result.current.values).toEqual(START);
    localStorage.setItem(key, 'not json');
    expect(renderHook(() => useDraft(KEY, START)).result.current.values).toEqual(START);
  });

  it('keeps a draft in memory only when nobody is signed in', () => {
    const { result } = renderHook(() => useDraft({ ...KEY, person: null }, START));
    act(() => result.current.update({ body: 'anonymous' }));
    expect(localStorage.length).toBe(0);
  });
});

describe('LeaveGuardProvider', () => {
  function Form() {
    const draft = useDraft(KEY, START);
    useLeaveGuard(draft.isDirty);
    return (
      <>
        <label>
          Comment
          <textarea
            value={draft.values.body}
            onChange={(event) => draft.update({ body: event.target.value })}
          />
        </label>
        <Link to="/elsewhere">Elsewhere</Link>
        <Link to="/issue?tab=x">Same screen</Link>
      </>
    );
  }

  it('asks before a link leaves a screen with unsent text; staying keeps it, leaving goes', async () => {
    const router = createMemoryRouter(
      [
        {
          path: '*',
          element: (
            <LeaveGuardProvider>
              <Screens />
            </LeaveGuardProvider>
          ),
        },
      ],
      { initialEntries: ['/issue'] },
    );
    render(<RouterProvider router={router} />);
    fireEvent.change(screen.getByLabelText('Comment'), { target: { value: 'Unsent' } });

    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false);
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    await act(async () => undefined);
    expect(confirm).toHaveBeenCalledWith(LEAVE_QUESTION);
    expect(router.state.location.pathname).toBe('/issue');
    expect(screen.getByLabelText('Comment')).toHaveValue('Unsent');

    // The query alone is the same screen: no question.
    confirm.mockClear();
    fireEvent.click(screen.getByRole('link', { name: 'Same screen' }));
    await act(async () => undefined);
    expect(confirm).not.toHaveBeenCalled();

    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    confirm.mockReturnValueOnce(true);
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(await screen.findByText('Somewhere else')).toBeInTheDocument();
    confirm.mockRestore();

    const calm = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(calm);
    expect(calm.defaultPrevented).toBe(false);
  });

  function Screens() {
    return useLocation().pathname === '/issue' ? <Form /> : <p>Somewhere else</p>;
  }
});
