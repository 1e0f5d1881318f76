import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import { NotificationPreferences } from './NotificationPreferences';

const ALL_ON = [
  'ASSIGNED',
  'AWAITING_MY_DISCIPLINE',
  'DUE_SOON',
  'OVERDUE',
  'DECIDED',
  'ESCALATED',
].map((kind) => ({ kind, enabled: kind !== 'DECIDED' }));

afterEach(restoreFetch);

describe('NotificationPreferences', () => {
  it('shows a switch per kind, named and described', async () => {
    stubGraphQL({ NotificationPreferences: () => ({ data: { notificationPreferences: ALL_ON } }) });
    render(<NotificationPreferences />);
    const switches = await screen.findAllByRole('switch');
    expect(switches).toHaveLength(6);
    expect(screen.getByRole('switch', { name: 'Due soon' })).toBeChecked();
    expect(screen.getByRole('switch', { name: 'Decided in my teams' })).not.toBeChecked();
    expect(screen.getByRole('switch', { name: 'Due soon' })).toHaveAccessibleDescription(
      'A recommendation, decision or action item of yours is due by the end of tomorrow (program time).',
    );
  });

  it('saves a change at once and says so', async () => {
    const calls = stubGraphQL({
      NotificationPreferences: () => ({ data: { notificationPreferences: ALL_ON } }),
      SetNotificationPreference: (variables) => ({
        data: { setNotificationPreference: variables },
      }),
    });
    render(<NotificationPreferences />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Overdue' }));
    expect(screen.getByRole('switch', { name: 'Overdue' })).not.toBeChecked();
    expect(await screen.findByText('“Overdue” turned off.')).toBeInTheDocument();
    expect(calls.at(-1)).toMatchObject({
      operationName: 'SetNotificationPreference',
      variables: { kind: 'OVERDUE', enabled: false },
    });
    expect(screen.getByRole('switch', { name: 'Overdue' })).toBeEnabled();
  });

  it('puts the switch back and says why when the change is refused', async () => {
    stubGraphQL({
      NotificationPreferences: () => ({ data: { notificationPreferences: ALL_ON } }),
      SetNotificationPreference: () => gqlError('UNAUTHENTICATED', 'Sign in first.'),
    });
    render(<NotificationPreferences />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Decided in my teams' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save that setting: Sign in first.',
    );
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Decided in my teams' })).not.toBeChecked(),
    );
  });
});
