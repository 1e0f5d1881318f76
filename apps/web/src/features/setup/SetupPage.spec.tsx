import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import {
  gqlError,
  restoreFetch,
  stubGraphQL,
  type OperationHandler,
} from '../../test/graphql-stub';
import { SessionContext, type SessionContextValue, type SessionUser } from '../auth';
import type { SetupProgram, SetupTeam, SetupUser } from './api/types';
import { DEFAULT_TIMELINESS_POLICY } from '@ipt/domain';
import { toPolicyFields } from '../timeliness';
import { SetupPage } from './SetupPage';

const pm: SessionUser = {
  id: 'u-pm',
  email: 'pm@example.com',
  name: 'Pat Morgan',
  isSystemAdmin: false,
};
const rep: SessionUser = {
  id: 'u-eng',
  email: 'eng@example.com',
  name: 'Erin Engel',
  isSystemAdmin: false,
};
const admin: SessionUser = {
  id: 'u-admin',
  email: 'admin@example.com',
  name: 'Avery Adams',
  isSystemAdmin: true,
};

const person = (user: SessionUser) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  active: true,
});

function program(overrides: Partial<SetupProgram> = {}): SetupProgram {
  return {
    id: 'p1',
    key: 'HX',
    name: 'HX Tactical Radio Modernization',
    phase: 'EMD',
    timeZone: 'America/New_York',
    version: 2,
    myRole: 'PROGRAM_MANAGER',
    disciplines: [
      { code: 'program-management', name: 'Program management', agreeRole: false },
      { code: 'engineering', name: 'Systems engineering', agreeRole: true },
      { code: 'test', name: 'Test & evaluation', agreeRole: false },
    ],
    roles: [
      { role: 'PROGRAM_MANAGER', user: person(pm) },
      { role: 'MEMBER', user: person(rep) },
      {
        role: 'MEMBER',
        user: { id: 'u-test', name: 'Theo Tran', email: 'test@example.com', active: true },
      },
    ],
    ...overrides,
  };
}

const teams: SetupTeam[] = [
  {
    id: 't-w',
    name: 'Radio Hardware WIPT',
    tier: 'WIPT',
    charter: 'Hardware.',
    active: true,
    version: 1,
    parentTeam: { id: 't-i' },
    members: [
      {
        id: 'm1',
        discipline: 'program-management',
        role: 'LEAD',
        decisionAuthority: true,
        user: person(pm),
      },
      {
        id: 'm2',
        discipline: 'engineering',
        role: 'CORE',
        decisionAuthority: false,
        user: person(rep),
      },
    ],
  },
  {
    id: 't-o',
    name: 'HX Overarching IPT',
    tier: 'OIPT',
    charter: 'Oversight.',
    active: true,
    version: 1,
    parentTeam: null,
    members: [],
  },
  {
    id: 't-i',
    name: 'HX Integrating IPT',
    tier: 'IIPT',
    charter: 'Integration.',
    active: true,
    version: 1,
    parentTeam: { id: 't-o' },
    members: [
      {
        id: 'm3',
        discipline: 'test',
        role: 'CORE',
        decisionAuthority: false,
        user: { id: 'u-test', name: 'Theo Tran', email: 'test@example.com', active: true },
      },
    ],
  },
];

const users: SetupUser[] = [
  { ...person(admin), isSystemAdmin: true },
  { ...person(pm), isSystemAdmin: false },
  { ...person(rep), isSystemAdmin: false },
];

function renderPage(user: SessionUser, handlers: Record<string, OperationHandler>, url = '/setup') {
  const calls = stubGraphQL(handlers);
  const session: SessionContextValue = {
    session: { status: 'signedIn', user },
    signedIn: jest.fn(),
    signOut: jest.fn(),
    retry: jest.fn(),
  };
  render(
    <MemoryRouter initialEntries={[url]}>
      <SessionContext value={session}>
        <SetupPage />
      </SessionContext>
    </MemoryRouter>,
  );
  return calls;
}

const policyAnswer = () => ({
  data: {
    timelinessPolicy: {
      ...toPolicyFields(DEFAULT_TIMELINESS_POLICY),
      isDefault: true,
      programVersion: 2,
    },
  },
});

const pmHandlers = (extra: Record<string, OperationHandler> = {}) => ({
  SetupPrograms: () => ({
    data: {
      programs: [
        { id: 'p1', key: 'HX', name: 'HX Tactical Radio Modernization', myRole: 'PROGRAM_MANAGER' },
      ],
    },
  }),
  SetupProgram: () => ({ data: { program: program() } }),
  SetupTeams: () => ({ data: { teams } }),
  SetupTimelinessPolicy: policyAnswer,
  ...extra,
});

/** The form a heading titles (forms whose names would clash with field labels have none). */
function formUnder(heading: HTMLElement): HTMLElement {
  const form = heading.closest('form');
  if (!form) throw new Error(`No form under ${heading.textContent}`);
  return form;
}

afterEach(restoreFetch);

describe('SetupPage', () => {
  it('tells someone who manages no program that they need to be a program manager', async () => {
    const calls = renderPage(rep, {
      SetupPrograms: () => ({
        data: {
          programs: [
            { id: 'p1', key: 'HX', name: 'HX Tactical Radio Modernization', myRole: 'MEMBER' },
          ],
        },
      }),
    });

    expect(
      await screen.findByRole('heading', { name: 'You need to be a program manager' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Set-up' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Program')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New program' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'People' })).not.toBeInTheDocument();
    // Everyone may change their own password.
    const form = screen.getByRole('form', { name: 'Change my password' });
    expect(within(form).getByLabelText('Current password')).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Change password' })).toBeInTheDocument();
    expect(calls.map((c) => c.operationName)).toEqual(['SetupPrograms']);
  });

  it('lets a member read a program’s timeliness policy, without changing it', async () => {
    const memberPrograms = () => ({
      data: {
        programs: [
          { id: 'p1', key: 'HX', name: 'HX Tactical Radio Modernization', myRole: 'MEMBER' },
        ],
      },
    });
    renderPage(rep, { SetupPrograms: memberPrograms });
    const link = await screen.findByRole('link', { name: 'HX – HX Tactical Radio Modernization' });
    expect(link).toHaveAttribute('href', '/setup?program=HX#timeliness');
  });

  it('shows a member the policy of a program they open, read-only', async () => {
    const calls = renderPage(
      rep,
      {
        SetupPrograms: () => ({
          data: {
            programs: [
              { id: 'p1', key: 'HX', name: 'HX Tactical Radio Modernization', myRole: 'MEMBER' },
            ],
          },
        }),
        SetupProgram: () => ({ data: { program: program({ myRole: 'MEMBER' }) } }),
        SetupTimelinessPolicy: policyAnswer,
      },
      '/setup?program=HX',
    );
    const grid = await screen.findByRole('table', {
      name: 'Days allowed per stage, by consequence',
    });
    expect(
      screen.getByRole('heading', { name: 'You need to be a program manager' }),
    ).toBeInTheDocument();
    expect(within(grid).getAllByRole('row')[3]).toHaveTextContent('3 Moderate510745');
    expect(within(grid).queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save policy' })).not.toBeInTheDocument();
    expect(
      screen.getByText('Only program managers and system admins can change it.', { exact: false }),
    ).toBeInTheDocument();
    expect(calls.map((c) => c.operationName)).not.toContain('SetupUpdateTimelinessPolicy');
  });

  it('shows a program manager the program, its disciplines and roles, and the team tree', async () => {
    renderPage(pm, pmHandlers());

    const tree = await screen.findByRole('tree', { name: 'Teams of HX' });
    expect(screen.getByLabelText('Program')).toHaveValue('HX');
    const details = screen.getByRole('form', { name: 'Details' });
    expect(within(details).getByLabelText('Name')).toHaveValue('HX Tactical Radio Modernization');
    expect(screen.getByRole('table', { name: 'Disciplines of HX' })).toHaveTextContent(
      'Systems engineering',
    );
    expect(screen.getByRole('table', { name: 'Program roles in HX' })).toHaveTextContent(
      'Program manager',
    );
    expect(
      within(tree)
        .getAllByRole('treeitem')
        .map((item) => item.getAttribute('aria-level')),
    ).toEqual(['1', '2', '3']);
    // The top team is selected until another is chosen.
    expect(screen.getByText('Nobody is on HX Overarching IPT yet')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'People' })).not.toBeInTheDocument();

    fireEvent.click(within(tree).getByText('Radio Hardware WIPT'));
    const members = await screen.findByRole('table', { name: 'Members of Radio Hardware WIPT' });
    const rows = within(members).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Program management', 'Lead', 'Yes', expect.any(String)],
      ['Systems engineering', 'Core', 'No', expect.any(String)],
    ]);
  });

  it('adds a member with the chosen person, discipline, role and authority', async () => {
    const calls = renderPage(
      pm,
      pmHandlers({ SetupAddMember: () => ({ data: { addMember: { id: 'm9' } } }) }),
      '/setup?program=HX&team=t-w',
    );
    const form = await screen.findByRole('form', { name: 'Add member' });
    const personSelect = within(form).getByLabelText('Person');
    // Program people not yet on the team.
    expect(
      within(personSelect)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a person…', 'Theo Tran (test@example.com)']);
    fireEvent.change(personSelect, { target: { value: 'u-test' } });
    // Their discipline on the program's other teams is suggested.
    expect(within(form).getByLabelText('Discipline')).toHaveValue('test');
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'ADVISORY' } });
    fireEvent.click(within(form).getByLabelText('Decision authority'));
    fireEvent.click(within(form).getByRole('button', { name: 'Add member' }));

    expect(await screen.findByText('Added Theo Tran to Radio Hardware WIPT.')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SetupAddMember')!.variables).toEqual({
      input: {
        teamId: 't-w',
        userId: 'u-test',
        discipline: 'test',
        role: 'ADVISORY',
        decisionAuthority: true,
      },
    });
    // The teams and the program (roles) are read again.
    await waitFor(() =>
      expect(calls.filter((c) => c.operationName === 'SetupTeams')).toHaveLength(2),
    );
  });

  it('removes a member only after confirmation', async () => {
    const calls = renderPage(
      pm,
      pmHandlers({ SetupRemoveMember: () => ({ data: { removeMember: { id: 'm2' } } }) }),
      '/setup?team=t-w',
    );
    const members = await screen.findByRole('table', { name: 'Members of Radio Hardware WIPT' });
    fireEvent.click(within(members).getByRole('button', { name: 'Remove Erin Engel' }));
    expect(calls.some((c) => c.operationName === 'SetupRemoveMember')).toBe(false);
    fireEvent.click(within(members).getByRole('button', { name: 'Confirm removal' }));

    expect(
      await screen.findByText('Removed Erin Engel from Radio Hardware WIPT.'),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SetupRemoveMember')!.variables).toEqual({
      input: { membershipId: 'm2' },
    });
  });

  it('edits a membership in its row', async () => {
    const calls = renderPage(
      pm,
      pmHandlers({ SetupUpdateMember: () => ({ data: { updateMember: { id: 'm2' } } }) }),
      '/setup?team=t-w',
    );
    const members = await screen.findByRole('table', { name: 'Members of Radio Hardware WIPT' });
    fireEvent.click(within(members).getByRole('button', { name: 'Edit Erin Engel' }));
    fireEvent.change(within(members).getByLabelText('Team role for Erin Engel'), {
      target: { value: 'LEAD' },
    });
    fireEvent.click(within(members).getByRole('button', { name: 'Save member' }));

    expect(await screen.findByText('Saved Erin Engel’s membership.')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SetupUpdateMember')!.variables).toEqual({
      input: {
        membershipId: 'm2',
        discipline: 'engineering',
        role: 'LEAD',
        decisionAuthority: false,
      },
    });
  });

  it('says so and shows the current values when someone else saved the program first', async () => {
    let version = 2;
    renderPage(
      pm,
      pmHandlers({
        SetupProgram: () => ({
          data: {
            program: program({
              version,
              name: version > 2 ? 'HX Radio (renamed)' : 'HX Tactical Radio Modernization',
            }),
          },
        }),
        SetupUpdateProgram: () => {
          version = 3;
          return gqlError('CONFLICT', 'Program HX changed since you read it.', {
            readVersion: 2,
            currentVersion: 3,
          });
        },
      }),
    );
    const details = await screen.findByRole('form', { name: 'Details' });
    fireEvent.change(within(details).getByLabelText('Phase'), { target: { value: 'Production' } });
    fireEvent.click(within(details).getByRole('button', { name: 'Save program' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else changed HX while you were editing',
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole('form', { name: 'Details' })).getByLabelText('Name'),
      ).toHaveValue('HX Radio (renamed)'),
    );
    expect(
      within(screen.getByRole('form', { name: 'Details' })).getByLabelText('Phase'),
    ).toHaveValue('EMD');
  });

  it('shows a wrong current password at its field', async () => {
    renderPage(pm, {
      ...pmHandlers(),
      SetupChangePassword: () =>
        gqlError('BAD_USER_INPUT', 'Your current password is not correct.', {
          field: 'currentPassword',
        }),
    });
    const form = screen.getByRole('form', { name: 'Change my password' });
    fireEvent.change(within(form).getByLabelText('Current password'), {
      target: { value: 'nope' },
    });
    fireEvent.change(within(form).getByLabelText('New password'), {
      target: { value: 'a-new-long-password' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));

    const current = within(form).getByLabelText('Current password');
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'));
    expect(current).toHaveAccessibleDescription('Your current password is not correct.');
    expect(within(form).getByLabelText('New password')).not.toHaveAttribute('aria-invalid');
  });

  it('gives system admins the People section and a new-program form', async () => {
    const calls = renderPage(admin, {
      ...pmHandlers(),
      SetupUsers: () => ({ data: { users } }),
      SetupCreateUser: () =>
        gqlError('CONFLICT', 'An account with the e-mail pm@example.com already exists.', {
          field: 'email',
        }),
    });

    const people = await screen.findByRole('table', { name: 'People' });
    expect(within(people).getByRole('rowheader', { name: /Avery Adams/ })).toHaveTextContent(
      '(you)',
    );
    expect(
      within(people).getByRole('button', { name: 'Deactivate Pat Morgan' }),
    ).toBeInTheDocument();
    expect(
      within(people).getByRole('button', { name: 'Reset password of Pat Morgan' }),
    ).toBeInTheDocument();
    expect(within(people).queryByRole('button', { name: 'Deactivate Avery Adams' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'New person' }));
    const form = formUnder(screen.getByRole('heading', { name: 'New person' }));
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Pat Again' } });
    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'pm@example.com' } });
    fireEvent.change(within(form).getByLabelText('Password'), {
      target: { value: 'long-enough-pass' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Create person' }));
    const email = within(form).getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/already exists/);
    expect(calls.find((c) => c.operationName === 'SetupCreateUser')!.variables).toEqual({
      input: {
        name: 'Pat Again',
        email: 'pm@example.com',
        password: 'long-enough-pass',
        isSystemAdmin: false,
      },
    });

    fireEvent.click(screen.getByRole('button', { name: 'New program' }));
    const newProgram = formUnder(screen.getByRole('heading', { name: 'New program' }));
    for (const label of ['Key', 'Name', 'Phase', 'Time zone']) {
      expect(within(newProgram).getByLabelText(label)).toBeInTheDocument();
    }
    expect(within(newProgram).getByRole('button', { name: 'Create program' })).toBeInTheDocument();
  });
});
