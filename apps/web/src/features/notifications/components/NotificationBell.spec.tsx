import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { NotificationItem } from '../api/get-notifications';
import { watchUnreadCount } from '../api/watch-unread-count';
import { NotificationBell, bellLabel } from './NotificationBell';

jest.mock('../api/watch-unread-count', () => ({
  watchUnreadCount: jest.fn(() => () => undefined),
}));
const watch = jest.mocked(watchUnreadCount);

function item(id: string, title: string, readAt: string | null = null): NotificationItem {
  return {
    id,
    kind: 'AWAITING_MY_DISCIPLINE',
    title,
    message: '“Antenna gain below spec” on Radio Hardware WIPT.',
    link: `/issues/${id}`,
    createdAt: '2026-03-02T13:00:00.000Z',
    timeZone: 'America/New_York',
    readAt,
    resolvedAt: null,
    resolution: null,
  };
}

const waiting = item('HX-12', 'HX-12 is waiting on your Systems engineering recommendation');
const decided = item('HX-3', 'HX-3 was decided: option A', '2026-03-02T13:30:00.000Z');

function CurrentPath() {
  return <output data-testid="path">{useLocation().pathname}</output>;
}

function renderBell() {
  return render(
    <MemoryRouter initialEntries={['/issues']}>
      <NotificationBell />
      <CurrentPath />
    </MemoryRouter>,
  );
}

/** Pushes a live unread count, as the API's subscription would. */
function push(count: number) {
  const onCount = watch.mock.calls.at(-1)![0];
  act(() => onCount(count));
}

afterEach(() => {
  restoreFetch();
  watch.mockClear();
});

describe('bellLabel', () => {
  it('says the count in words', () => {
    expect(bellLabel(null)).toBe('Notifications, none unread');
    expect(bellLabel(0)).toBe('Notifications, none unread');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
  });
});

describe('NotificationBell', () => {
  it('shows the unread count, and keeps it current from the live subscription', async () => {
    stubGraphQL({ NotificationCount: () => ({ data: { notifications: { unreadCount: 2 } } }) });
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    expect(bell).toHaveTextContent('2');

    push(5);
    expect(screen.getByRole('button', { name: 'Notifications, 5 unread' })).toBeInTheDocument();
    push(0);
    expect(
      screen.getByRole('button', { name: 'Notifications, none unread' }),
    ).not.toHaveTextContent(/\d/);
  });

  it('opens a dialog listing the newest, and opening one follows its link and marks it read', async () => {
    const calls = stubGraphQL({
      NotificationCount: () => ({ data: { notifications: { unreadCount: 1 } } }),
      Notifications: () => ({
        data: { notifications: { unreadCount: 1, items: [waiting, decided] } },
      }),
      MarkNotificationsRead: () => ({ data: { markNotificationsRead: 1 } }),
    });
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    fireEvent.click(bell);
    expect(bell).toHaveAttribute('aria-expanded', 'true');

    const dialog = screen.getByRole('dialog', { name: 'Notifications' });
    expect(bell).toHaveAttribute('aria-controls', dialog.id);
    expect(dialog).toHaveFocus();
    const links = await within(dialog).findAllByRole('link', { name: /HX-/ });
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/issues/HX-12', '/issues/HX-3']);
    expect(links[0]).toHaveTextContent(/^Unread: HX-12 is waiting/);
    expect(links[1]).not.toHaveTextContent('Unread');
    expect(calls.find((c) => c.operationName === 'Notifications')!.variables).toEqual({
      first: 20,
    });

    fireEvent.click(links[0]!);
    expect(screen.getByTestId('path')).toHaveTextContent('/issues/HX-12');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(calls.find((c) => c.operationName === 'MarkNotificationsRead')?.variables).toEqual({
        ids: ['HX-12'],
      }),
    );
    expect(screen.getByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
  });

  it('marks all read', async () => {
    const calls = stubGraphQL({
      NotificationCount: () => ({ data: { notifications: { unreadCount: 1 } } }),
      Notifications: () => ({ data: { notifications: { unreadCount: 1, items: [waiting] } } }),
      MarkNotificationsRead: () => ({ data: { markNotificationsRead: 1 } }),
    });
    renderBell();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const dialog = screen.getByRole('dialog', { name: 'Notifications' });
    await within(dialog).findByRole('link', { name: /HX-12/ });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark all read' }));
    await waitFor(() =>
      expect(within(dialog).getByRole('link', { name: /HX-12/ })).not.toHaveTextContent('Unread'),
    );
    expect(calls.find((c) => c.operationName === 'MarkNotificationsRead')!.variables).toEqual({});
    expect(within(dialog).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
  });

  it('closes on Escape and gives the focus back to the bell', async () => {
    stubGraphQL({
      NotificationCount: () => ({ data: { notifications: { unreadCount: 0 } } }),
      Notifications: () => ({ data: { notifications: { unreadCount: 0, items: [] } } }),
    });
    renderBell();
    const bell = await screen.findByRole('button', { name: 'Notifications, none unread' });
    fireEvent.click(bell);
    const dialog = screen.getByRole('dialog', { name: 'Notifications' });
    expect(await within(dialog).findByText('Nothing to tell you yet.')).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: 'All notifications and settings' }),
    ).toHaveAttribute('href', '/notifications');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(bell).toHaveFocus();
    expect(bell).toHaveAttribute('aria-expanded', 'false');
  });

  it('reloads the open list when a new notification arrives, and shows a failure to load', async () => {
    let round = 0;
    stubGraphQL({
      NotificationCount: () => ({ data: { notifications: { unreadCount: 0 } } }),
      Notifications: () => {
        round += 1;
        return round === 1
          ? gqlError('UNEXPECTED', 'The server fell over.')
          : { data: { notifications: { unreadCount: 1, items: [waiting] } } };
      },
    });
    renderBell();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, none unread' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your notifications');

    push(1);
    expect(await screen.findByRole('link', { name: /HX-12/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
