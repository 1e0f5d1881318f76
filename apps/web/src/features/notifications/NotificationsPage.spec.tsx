import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { restoreFetch, stubGraphQL } from '../../test/graphql-stub';
import { watchUnreadCount } from './api/watch-unread-count';
import { NotificationsPage } from './NotificationsPage';

jest.mock('./api/watch-unread-count', () => ({ watchUnreadCount: jest.fn(() => () => undefined) }));
const watch = jest.mocked(watchUnreadCount);

const overdue = {
  id: 'n1',
  kind: 'OVERDUE',
  title: 'Your action item on HX-7 is overdue',
  message: '“Order the long-lead parts” was due 3 Mar 2026, 17:00 EST.',
  link: '/issues/HX-7',
  createdAt: '2026-03-03T22:01:00.000Z',
  timeZone: 'America/New_York',
  readAt: null,
  resolvedAt: null,
  resolution: null,
};

afterEach(() => {
  restoreFetch();
  watch.mockClear();
});

describe('NotificationsPage', () => {
  it('lists the newest hundred with the unread count, marks all read, and has the settings', async () => {
    let read = false;
    const calls = stubGraphQL({
      Notifications: () => ({
        data: {
          notifications: {
            unreadCount: read ? 0 : 1,
            items: [{ ...overdue, readAt: read ? '2026-03-04T09:00:00.000Z' : null }],
          },
        },
      }),
      MarkNotificationsRead: () => {
        read = true;
        return { data: { markNotificationsRead: 1 } };
      },
      NotificationPreferences: () => ({
        data: { notificationPreferences: [{ kind: 'OVERDUE', enabled: true }] },
      }),
    });
    render(
      <MemoryRouter>
        <NotificationsPage />
      </MemoryRouter>,
    );
    const recent = screen.getByRole('region', { name: 'Recent' });
    expect(await within(recent).findByText('1 unread.')).toBeInTheDocument();
    expect(within(recent).getByRole('link', { name: /HX-7 is overdue/ })).toHaveAttribute(
      'href',
      '/issues/HX-7',
    );
    expect(calls.find((c) => c.operationName === 'Notifications')!.variables).toEqual({
      first: 100,
    });

    fireEvent.click(within(recent).getByRole('button', { name: 'Mark all read' }));
    expect(await within(recent).findByText('Nothing unread.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(recent).getByRole('button', { name: 'Mark all read' })).toBeDisabled(),
    );

    const settings = screen.getByRole('region', { name: 'Settings' });
    expect(await within(settings).findByRole('switch', { name: 'Overdue' })).toBeChecked();
  });

  it('keeps a notification that no longer holds, read, saying why', async () => {
    stubGraphQL({
      Notifications: () => ({
        data: {
          notifications: {
            unreadCount: 0,
            items: [
              {
                ...overdue,
                readAt: '2026-03-04T09:00:00.000Z',
                resolvedAt: '2026-03-04T09:00:00.000Z',
                resolution:
                  'No longer needed: the action item “Order the long-lead parts” was completed.',
              },
            ],
          },
        },
      }),
      NotificationPreferences: () => ({ data: { notificationPreferences: [] } }),
    });
    render(
      <MemoryRouter>
        <NotificationsPage />
      </MemoryRouter>,
    );
    const recent = screen.getByRole('region', { name: 'Recent' });
    const link = await within(recent).findByRole('link', { name: /HX-7 is overdue/ });
    expect(link).toHaveTextContent(
      'No longer needed: the action item “Order the long-lead parts” was completed.',
    );
    expect(link).not.toHaveTextContent('Unread');
  });
});
