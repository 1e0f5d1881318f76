import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '@ipt/domain';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  gqlError,
  restoreFetch,
  stubGraphQL,
  type OperationHandler,
} from '../../../test/graphql-stub';
import { toPolicyFields } from '../../timeliness';
import { TimelinessPolicySection } from './TimelinessPolicySection';

const CUSTOM: TimelinessPolicy = {
  ...DEFAULT_TIMELINESS_POLICY,
  allowances: {
    ...DEFAULT_TIMELINESS_POLICY.allowances,
    3: { TRIAGE: 4, RECOMMENDATIONS: 12, DECISION: 6, RESOLUTION: 40 },
  },
  holidays: ['2026-11-26'],
  autoEscalationGraceDays: { WIPT: 3 },
};

function policyReply(policy: TimelinessPolicy, programVersion = 5) {
  return {
    data: {
      timelinessPolicy: {
        ...toPolicyFields(policy),
        isDefault: policy === DEFAULT_TIMELINESS_POLICY,
        programVersion,
      },
    },
  };
}

function renderSection(
  handlers: Record<string, OperationHandler>,
  { canEdit = true, onChanged = jest.fn() }: { canEdit?: boolean; onChanged?: () => void } = {},
) {
  const calls = stubGraphQL({
    SetupTimelinessPolicy: () => policyReply(CUSTOM),
    ...handlers,
  });
  render(
    <TimelinessPolicySection
      programKey="HX"
      programVersion={5}
      canEdit={canEdit}
      onChanged={onChanged}
    />,
  );
  return calls;
}

const form = () => screen.findByRole('form', { name: 'Timeliness policy' });
const cell = (stage: string, level: string) =>
  screen.getByRole('spinbutton', { name: `${stage} days, consequence ${level}` });
const saved = (recomputedIssues: number) => () => ({
  data: { updateTimelinessPolicy: { recomputedIssues, policy: { programVersion: 6 } } },
});

afterEach(restoreFetch);

describe(TimelinessPolicySection.name, () => {
  it('shows the policy as a grid of consequence rows and stage columns, ready to edit', async () => {
    renderSection({});
    const editor = await form();

    const grid = within(editor).getByRole('table', {
      name: 'Days allowed per stage, by consequence',
    });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Consequence', 'Triage', 'Recommendations', 'Decision', 'Resolution']);
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['1 Minimal', '2 Minor', '3 Moderate', '4 Significant', '5 Critical']);
    expect(cell('Decision', '3 – Moderate')).toHaveValue(6);
    expect(within(editor).getByRole('radio', { name: /^Business days/ })).toBeChecked();
    expect(within(editor).getByRole('list', { name: 'Holidays' })).toHaveTextContent(
      'Nov 26, 2026',
    );
    expect(within(editor).getByRole('spinbutton', { name: /^WIPT grace days/ })).toHaveValue(3);
    expect(within(editor).getByRole('spinbutton', { name: /^IIPT grace days/ })).toHaveValue(null);
    expect(screen.getByText('This program has its own policy.')).toBeInTheDocument();
  });

  it('saves the whole policy with the version read, and says how many issues got new dates', async () => {
    const onChanged = jest.fn();
    const calls = renderSection({ SetupUpdateTimelinessPolicy: saved(7) }, { onChanged });
    const editor = await form();

    fireEvent.change(cell('Decision', '3 – Moderate'), { target: { value: '9' } });
    fireEvent.click(within(editor).getByRole('radio', { name: 'Calendar days' }));
    const newHoliday = within(editor).getByLabelText('Add a holiday');
    fireEvent.change(newHoliday, { target: { value: '2026-12-25' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add holiday' }));
    fireEvent.change(newHoliday, { target: { value: '2026-07-03' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add holiday' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Remove Nov 26, 2026' }));
    fireEvent.change(within(editor).getByRole('spinbutton', { name: /^WIPT grace days/ }), {
      target: { value: '' },
    });
    fireEvent.change(within(editor).getByRole('spinbutton', { name: /^IIPT grace days/ }), {
      target: { value: '2' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save policy' }));

    expect(await screen.findByText('Saved. 7 open issues got new due dates.')).toBeInTheDocument();
    const update = calls.find((c) => c.operationName === 'SetupUpdateTimelinessPolicy')!;
    expect(update.variables).toEqual({
      input: {
        programKey: 'HX',
        programVersion: 5,
        allowances: [
          { consequence: 1, triage: 10, recommendations: 20, decision: 15, resolution: 90 },
          { consequence: 2, triage: 7, recommendations: 15, decision: 10, resolution: 60 },
          { consequence: 3, triage: 4, recommendations: 12, decision: 9, resolution: 40 },
          { consequence: 4, triage: 3, recommendations: 7, decision: 5, resolution: 30 },
          { consequence: 5, triage: 1, recommendations: 3, decision: 2, resolution: 14 },
        ],
        dayKind: 'CALENDAR',
        holidays: ['2026-07-03', '2026-12-25'],
        autoEscalationGrace: [
          { tier: 'WIPT', days: null },
          { tier: 'IIPT', days: 2 },
          { tier: 'OIPT', days: null },
        ],
      },
    });
    expect(onChanged).toHaveBeenCalled();
    // The policy is read again after the save.
    await waitFor(() =>
      expect(calls.filter((c) => c.operationName === 'SetupTimelinessPolicy')).toHaveLength(2),
    );
  });

  it('checks the values with the API’s rule before sending, and says so at each field', async () => {
    const calls = renderSection({});
    const editor = await form();

    fireEvent.change(cell('Triage', '5 – Critical'), { target: { value: '0' } });
    fireEvent.change(cell('Resolution', '1 – Minimal'), { target: { value: '' } });
    fireEvent.change(within(editor).getByRole('spinbutton', { name: /^OIPT grace days/ }), {
      target: { value: '91' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save policy' }));

    expect(within(editor).getByRole('alert')).toHaveTextContent(
      '3 values cannot be saved: see the fields marked below.',
    );
    const critical = cell('Triage', '5 – Critical');
    expect(critical).toHaveAttribute('aria-invalid', 'true');
    expect(critical).toHaveAccessibleDescription(
      'Days allowed must be a whole number from 1 to 365, not 0.',
    );
    expect(cell('Resolution', '1 – Minimal')).toHaveAccessibleDescription(
      'Enter the days allowed.',
    );
    expect(
      within(editor).getByRole('spinbutton', { name: /^OIPT grace days/ }),
    ).toHaveAccessibleDescription('A grace period must be 0 to 90 days, not 91.');
    // The first field in error takes the focus.
    expect(cell('Triage', '1 – Minimal')).not.toHaveFocus();
    await waitFor(() => expect(cell('Resolution', '1 – Minimal')).toHaveFocus());
    expect(calls.some((c) => c.operationName === 'SetupUpdateTimelinessPolicy')).toBe(false);

    // Mended, the message goes.
    fireEvent.change(critical, { target: { value: '1' } });
    expect(critical).not.toHaveAttribute('aria-invalid');
  });

  it('shows the API’s refusal beside the field it names', async () => {
    renderSection({
      SetupUpdateTimelinessPolicy: () =>
        gqlError('BAD_USER_INPUT', 'Days allowed must be a whole number from 1 to 365, not 400.', {
          field: 'allowances.2.RESOLUTION',
        }),
    });
    const editor = await form();
    fireEvent.click(within(editor).getByRole('button', { name: 'Save policy' }));

    const resolution = cell('Resolution', '2 – Minor');
    await waitFor(() => expect(resolution).toHaveAttribute('aria-invalid', 'true'));
    expect(resolution).toHaveAccessibleDescription(
      'Days allowed must be a whole number from 1 to 365, not 400.',
    );
    expect(resolution).toHaveFocus();
    expect(within(editor).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('on CONFLICT says someone changed the program, and Reload reads the policy afresh', async () => {
    let current = CUSTOM;
    const calls = renderSection({
      SetupTimelinessPolicy: () => policyReply(current, current === CUSTOM ? 5 : 6),
      SetupUpdateTimelinessPolicy: () => {
        current = DEFAULT_TIMELINESS_POLICY;
        return gqlError('CONFLICT', 'Program HX changed since you read it.', {
          currentVersion: 6,
        });
      },
    });
    const editor = await form();
    fireEvent.change(cell('Decision', '3 – Moderate'), { target: { value: '9' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save policy' }));

    const alert = await within(editor).findByRole('alert');
    expect(alert).toHaveTextContent(
      'Someone changed this program while you were editing, so the policy was not saved.',
    );
    expect(within(editor).getByRole('button', { name: 'Save policy' })).toBeDisabled();
    // What was typed stays until the person chooses to reload.
    expect(cell('Decision', '3 – Moderate')).toHaveValue(9);

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(cell('Decision', '3 – Moderate')).toHaveValue(7));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('This program uses the shipped defaults.')).toBeInTheDocument();
    expect(calls.filter((c) => c.operationName === 'SetupUpdateTimelinessPolicy')).toHaveLength(1);
  });

  it('restores the shipped defaults in the form, to be saved', async () => {
    const calls = renderSection({ SetupUpdateTimelinessPolicy: saved(0) });
    const editor = await form();

    fireEvent.click(within(editor).getByRole('button', { name: 'Restore defaults' }));
    expect(cell('Decision', '3 – Moderate')).toHaveValue(7);
    expect(within(editor).queryByRole('list', { name: 'Holidays' })).not.toBeInTheDocument();
    expect(screen.getByText('The shipped defaults are in the form; save to use them.'));
    fireEvent.click(within(editor).getByRole('button', { name: 'Save policy' }));

    expect(
      await screen.findByText('Saved. No open issue needed new due dates.'),
    ).toBeInTheDocument();
    const update = calls.find((c) => c.operationName === 'SetupUpdateTimelinessPolicy')!;
    expect(update.variables!['input']).toEqual({
      programKey: 'HX',
      programVersion: 5,
      ...toPolicyFields(DEFAULT_TIMELINESS_POLICY),
    });
  });

  it('shows the policy read-only to someone who is not a program manager', async () => {
    renderSection({}, { canEdit: false });

    const grid = await screen.findByRole('table', {
      name: 'Days allowed per stage, by consequence',
    });
    expect(within(grid).getAllByRole('row')[3]).toHaveTextContent('3 Moderate412640');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Business days: weekends and the holidays below do not count.'));
    expect(screen.getByText('Nov 26, 2026')).toBeInTheDocument();
    expect(
      screen.getByText('Escalates 3 business days after an overdue decision'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Never escalates automatically')).toHaveLength(2);
    expect(
      screen.getByText('Only program managers and system admins can change it.', {
        exact: false,
      }),
    ).toBeInTheDocument();
  });
});
