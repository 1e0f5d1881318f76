import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import { DecisionForm, decisionProblems, endOfDay } from './DecisionForm';

const options = [
  { id: 'oa', label: 'A', title: 'Order long-lead now' },
  { id: 'ob', label: 'B', title: 'Delay four weeks' },
];
const assignees = [
  { id: 'u-pm', name: 'Pat Morgan' },
  { id: 'u-eng', name: 'Erin Engel' },
];

function renderForm() {
  const onDecided = jest.fn();
  const onCancel = jest.fn();
  const onConflict = jest.fn();
  render(
    <DecisionForm
      issueKey="HX-20"
      version={9}
      options={options}
      favouredBy={{ oa: ['Systems engineering', 'Test & evaluation'] }}
      assignees={assignees}
      onDecided={onDecided}
      onCancel={onCancel}
      onConflict={onConflict}
    />,
  );
  return { onDecided, onCancel, onConflict };
}

function decideA() {
  fireEvent.click(screen.getByRole('radio', { name: 'A – Order long-lead now' }));
  fireEvent.change(screen.getByLabelText('Rationale'), { target: { value: 'Protects LRIP.' } });
  fireEvent.change(screen.getByLabelText('Conditions'), {
    target: { value: 'Second source by June.' },
  });
}

function addActionItem(title: string, assignee: string, due: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
  const items = screen.getAllByRole('group', { name: /^Action item \d+$/ });
  const item = items.at(-1)!;
  fireEvent.change(within(item).getByLabelText('Title'), { target: { value: title } });
  fireEvent.change(within(item).getByLabelText('Assignee'), { target: { value: assignee } });
  fireEvent.change(within(item).getByLabelText('Due'), { target: { value: due } });
  return item;
}

afterEach(restoreFetch);

describe('endOfDay and decisionProblems', () => {
  it('turn a picked date into the end of that day, refusing impossible ones', () => {
    expect(endOfDay('2026-03-16')).toBe(new Date(2026, 2, 16, 23, 59, 59, 999).toISOString());
    expect(endOfDay('2026-02-30')).toBeNull();
    expect(endOfDay('')).toBeNull();
  });

  it('name every missing piece by the API’s field names', () => {
    expect(
      decisionProblems({
        optionId: '',
        rationale: '  ',
        actionItems: [{ title: '', assigneeId: '', due: '' }],
      }),
    ).toEqual({
      optionId: 'Choose the option decided.',
      rationale: 'Give the rationale for the decision.',
      'actionItems.0.title': 'Give the action item a title.',
      'actionItems.0.assigneeId': 'Choose who does it.',
      'actionItems.0.dueAt': 'Give the date it is due.',
    });
  });
});

describe('DecisionForm', () => {
  it('shows who favours each option', () => {
    renderForm();
    expect(
      screen.getByRole('radio', { name: 'A – Order long-lead now' }),
    ).toHaveAccessibleDescription('Favoured by Systems engineering, Test & evaluation.');
    expect(screen.getByRole('radio', { name: 'B – Delay four weeks' })).toHaveAccessibleDescription(
      'Favoured by no discipline.',
    );
  });

  it('records the decision with its action items and the version read', async () => {
    const calls = stubGraphQL({
      RecordDecision: () => ({
        data: { recordDecision: { id: 'i20', key: 'HX-20', version: 10, status: 'DECIDED' } },
      }),
    });
    const { onDecided } = renderForm();
    decideA();
    addActionItem('Place the long-lead order', 'u-eng', '2026-03-16');
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));

    await waitFor(() => expect(onDecided).toHaveBeenCalledWith('HX-20'));
    expect(calls[0]!.variables).toEqual({
      input: {
        issueKey: 'HX-20',
        version: 9,
        optionId: 'oa',
        rationale: 'Protects LRIP.',
        conditions: 'Second source by June.',
        actionItems: [
          {
            title: 'Place the long-lead order',
            assigneeId: 'u-eng',
            dueAt: new Date(2026, 2, 16, 23, 59, 59, 999).toISOString(),
          },
        ],
      },
    });
  });

  it('marks each missing field, action items included, and sends nothing', () => {
    const calls = stubGraphQL({});
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Add action item' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));

    expect(screen.getByRole('radiogroup', { name: 'Option' })).toHaveAccessibleDescription(
      'Choose the option decided.',
    );
    expect(screen.getByRole('radio', { name: 'A – Order long-lead now' })).toHaveFocus();
    const item = screen.getByRole('group', { name: 'Action item 1' });
    expect(within(item).getByLabelText('Title')).toHaveAccessibleDescription(
      'Give the action item a title.',
    );
    expect(within(item).getByLabelText('Assignee')).toHaveAccessibleDescription(
      'Choose who does it.',
    );
    expect(within(item).getByLabelText('Due')).toHaveAttribute('aria-invalid', 'true');
    expect(calls).toHaveLength(0);
  });

  it('puts the API’s complaint about an action item at that item’s field', async () => {
    stubGraphQL({
      RecordDecision: () =>
        gqlError('BAD_USER_INPUT', 'User u-eng is not an active member of this program.', {
          field: 'actionItems.1.assigneeId',
        }),
    });
    renderForm();
    decideA();
    addActionItem('First', 'u-pm', '2026-03-10');
    const second = addActionItem('Second', 'u-eng', '2026-03-11');
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));

    const assignee = within(second).getByLabelText('Assignee');
    await waitFor(() => expect(assignee).toHaveAttribute('aria-invalid', 'true'));
    expect(assignee).toHaveAccessibleDescription(
      'User u-eng is not an active member of this program.',
    );
    expect(assignee).toHaveFocus();
  });

  it('removes an action item', () => {
    renderForm();
    addActionItem('First', 'u-pm', '2026-03-10');
    addActionItem('Second', 'u-eng', '2026-03-11');
    fireEvent.click(screen.getByRole('button', { name: 'Remove action item 1' }));
    const items = screen.getAllByRole('group', { name: /^Action item \d+$/ });
    expect(items).toHaveLength(1);
    expect(within(items[0]!).getByLabelText('Title')).toHaveValue('Second');
  });

  it('on CONFLICT reloads the issue and keeps what was typed', async () => {
    let attempt = 0;
    const calls = stubGraphQL({
      RecordDecision: () =>
        ++attempt === 1
          ? gqlError('CONFLICT', 'Issue HX-20 changed since you read it.', { currentVersion: 11 })
          : {
              data: { recordDecision: { id: 'i20', key: 'HX-20', version: 12, status: 'DECIDED' } },
            },
      IssueVersion: () => ({
        data: { issue: { id: 'i20', version: 11, status: 'AWAITING_DECISION', options } },
      }),
    });
    const { onDecided, onConflict } = renderForm();
    decideA();
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'HX-20 changed while you were deciding. Its latest version is loaded and your text is kept',
    );
    expect(onConflict).toHaveBeenCalled();
    expect(screen.getByLabelText('Rationale')).toHaveValue('Protects LRIP.');
    expect(screen.getByRole('radio', { name: 'A – Order long-lead now' })).toBeChecked();

    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    await waitFor(() => expect(onDecided).toHaveBeenCalled());
    expect(
      calls
        .filter((call) => call.operationName === 'RecordDecision')
        .map((call) => (call.variables!['input'] as { version: number }).version),
    ).toEqual([9, 11]);
  });
});
