import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { SetupTeam } from '../api/types';
import { NewTeamForm, TeamEditor } from './TeamForms';

function team(
  id: string,
  name: string,
  tier: SetupTeam['tier'],
  parentId: string | null,
  active = true,
): SetupTeam {
  return {
    id,
    name,
    tier,
    charter: `${name} charter`,
    active,
    version: 3,
    parentTeam: parentId ? { id: parentId } : null,
    members: [],
  };
}

const oipt = team('o', 'HX Overarching IPT', 'OIPT', null);
const iipt = team('i', 'HX Integrating IPT', 'IIPT', 'o');
const oldIipt = team('x', 'Old Integrating IPT', 'IIPT', 'o', false);
const hardware = team('w', 'Radio Hardware WIPT', 'WIPT', 'i');
const teams = [hardware, oldIipt, iipt, oipt];

const optionLabels = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

afterEach(restoreFetch);

describe('NewTeamForm', () => {
  it('offers only valid parents for the tier, defaulting to the team one tier up', () => {
    render(
      <NewTeamForm programKey="HX" teams={teams} onCreated={jest.fn()} onCancel={jest.fn()} />,
    );

    // The program has its OIPT, so a new team starts as a WIPT under the IIPT.
    expect(screen.getByLabelText('Tier')).toHaveValue('WIPT');
    const parent = screen.getByLabelText('Parent');
    expect(parent).toHaveValue('i');
    expect(optionLabels(parent)).toEqual([
      'None — tops its own ladder',
      'HX Overarching IPT (OIPT)',
      'HX Integrating IPT (IIPT)',
    ]);

    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: 'IIPT' } });
    expect(screen.getByLabelText('Parent')).toHaveValue('o');
    expect(optionLabels(screen.getByLabelText('Parent'))).toEqual([
      'None — tops its own ladder',
      'HX Overarching IPT (OIPT)',
    ]);

    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: 'OIPT' } });
    expect(screen.getByLabelText('Parent')).toBeDisabled();
    expect(optionLabels(screen.getByLabelText('Parent'))).toEqual([
      'None — an OIPT tops the ladder',
    ]);
  });

  it('refuses a second active OIPT at the Tier field without asking the API', () => {
    const calls = stubGraphQL({});
    render(
      <NewTeamForm programKey="HX" teams={teams} onCreated={jest.fn()} onCancel={jest.fn()} />,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Second OIPT' } });
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: 'OIPT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create team' }));

    expect(screen.getByLabelText('Tier')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Tier')).toHaveAccessibleDescription(
      /already has an active OIPT \(HX Overarching IPT\)/,
    );
    expect(calls).toHaveLength(0);
  });

  it('creates the team with the chosen parent', async () => {
    const calls = stubGraphQL({
      SetupCreateTeam: () => ({ data: { createTeam: { id: 'new' } } }),
    });
    const onCreated = jest.fn();
    render(
      <NewTeamForm programKey="HX" teams={teams} onCreated={onCreated} onCancel={jest.fn()} />,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Antenna WIPT' } });
    fireEvent.change(screen.getByLabelText('Charter'), { target: { value: 'Antennas.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create team' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('new', 'Created Antenna WIPT.'));
    expect(calls[0]!.variables).toEqual({
      input: {
        programKey: 'HX',
        name: 'Antenna WIPT',
        tier: 'WIPT',
        parentTeamId: 'i',
        charter: 'Antennas.',
      },
    });
  });

  it('shows the API’s error at the field it names', async () => {
    stubGraphQL({
      SetupCreateTeam: () =>
        gqlError(
          'CONFLICT',
          'Program HX already has a team named Radio Hardware WIPT; choose another name.',
          { field: 'name' },
        ),
    });
    render(
      <NewTeamForm programKey="HX" teams={teams} onCreated={jest.fn()} onCancel={jest.fn()} />,
    );
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'radio hardware wipt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create team' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/already has a team named Radio Hardware WIPT/);
    expect(screen.getByLabelText('Charter')).not.toHaveAttribute('aria-invalid');
    // Said once, at the field: not repeated at the top of the form.
    expect(screen.getAllByText(/already has a team named/)).toHaveLength(1);
  });
});

describe('TeamEditor', () => {
  it('offers an IIPT only the OIPT, and a WIPT no inactive team', () => {
    const { unmount } = render(
      <TeamEditor team={iipt} teams={teams} onSaved={jest.fn()} onStale={jest.fn()} />,
    );
    expect(optionLabels(screen.getByLabelText('Parent'))).toEqual([
      'None — tops its own ladder',
      'HX Overarching IPT (OIPT)',
    ]);
    unmount();

    render(<TeamEditor team={hardware} teams={teams} onSaved={jest.fn()} onStale={jest.fn()} />);
    expect(screen.getByLabelText('Parent')).toHaveValue('i');
    expect(optionLabels(screen.getByLabelText('Parent'))).not.toContain(
      'Old Integrating IPT (IIPT, inactive)',
    );
  });

  it('will not deactivate a team that active teams escalate to', () => {
    const calls = stubGraphQL({});
    render(<TeamEditor team={iipt} teams={teams} onSaved={jest.fn()} onStale={jest.fn()} />);
    fireEvent.click(screen.getByLabelText('Active'));
    fireEvent.click(screen.getByRole('button', { name: 'Save team' }));

    expect(screen.getByLabelText('Active')).toHaveAccessibleDescription(
      /parent of active team Radio Hardware WIPT/,
    );
    expect(calls).toHaveLength(0);
  });

  it('sends the version it read, and hands a stale-version conflict to the parent', async () => {
    const calls = stubGraphQL({
      SetupUpdateTeam: () =>
        gqlError('CONFLICT', 'Team changed since you read it.', {
          readVersion: 3,
          currentVersion: 4,
        }),
    });
    const onStale = jest.fn();
    const onSaved = jest.fn();
    render(<TeamEditor team={hardware} teams={teams} onSaved={onSaved} onStale={onStale} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Radio WIPT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save team' }));

    await waitFor(() => expect(onStale).toHaveBeenCalledTimes(1));
    expect(onStale.mock.calls[0]![0]).toMatch(/Someone else changed Radio Hardware WIPT/);
    expect(onSaved).not.toHaveBeenCalled();
    expect(calls[0]!.variables).toEqual({
      input: {
        teamId: 'w',
        version: 3,
        name: 'Radio WIPT',
        charter: 'Radio Hardware WIPT charter',
        parentTeamId: 'i',
        active: true,
      },
    });
  });
});
