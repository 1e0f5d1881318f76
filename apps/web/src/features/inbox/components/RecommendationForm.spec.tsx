import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { InboxEntry } from '../api/get-my-inbox';
import { RecommendationForm } from './RecommendationForm';

const entry: InboxEntry = {
  discipline: 'test',
  disciplineName: 'Test & evaluation',
  dueAt: '2026-03-04T14:00:00.000Z',
  team: { id: 't1', name: 'Radio Hardware WIPT', tier: 'WIPT' },
  issue: {
    id: 'i21',
    key: 'HX-21',
    title: 'Amplifier shuts down in hot-soak test',
    version: 4,
    status: 'IN_REVIEW',
    program: { key: 'HX', timeZone: 'America/New_York' },
    stageClocks: [],
    options: [
      {
        id: 'oa',
        label: 'A',
        title: 'Larger heat sink',
        description: 'New heat sink.',
        impacts: '+$85 per unit',
      },
      { id: 'ob', label: 'B', title: 'Derate power', description: '', impacts: '' },
    ],
  },
};

function renderForm() {
  const onSubmitted = jest.fn();
  const onCancel = jest.fn();
  render(<RecommendationForm entry={entry} onSubmitted={onSubmitted} onCancel={onCancel} />);
  return { onSubmitted, onCancel };
}

function fill() {
  fireEvent.click(screen.getByRole('radio', { name: 'B – Derate power' }));
  fireEvent.change(screen.getByLabelText('Rationale'), {
    target: { value: 'Cheaper, no requal.' },
  });
  fireEvent.change(screen.getByLabelText('Impact assessment'), {
    target: { value: 'Range -15%.' },
  });
  fireEvent.change(screen.getByLabelText('Alternatives'), { target: { value: 'A if funded.' } });
}

afterEach(restoreFetch);

describe('RecommendationForm', () => {
  it('offers the issue’s options and puts the person in the first one', () => {
    renderForm();
    const group = screen.getByRole('radiogroup', { name: 'Favoured option' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['oa', 'ob']);
    expect(screen.getByRole('radio', { name: 'A – Larger heat sink' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: 'A – Larger heat sink' })).toHaveAccessibleDescription(
      'New heat sink. Impacts: +$85 per unit',
    );
  });

  it('says at each field what is missing before sending anything', () => {
    const calls = stubGraphQL({});
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Submit recommendation' }));

    const group = screen.getByRole('radiogroup', { name: 'Favoured option' });
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(group).toHaveAccessibleDescription('Choose the option your discipline favours.');
    expect(screen.getByLabelText('Rationale')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Rationale')).toHaveAccessibleDescription(
      'Give the rationale for your recommendation.',
    );
    expect(calls).toHaveLength(0);
  });

  it('submits with the issue’s version and discipline', async () => {
    const calls = stubGraphQL({
      SubmitRecommendation: () => ({
        data: {
          submitRecommendation: { id: 'i21', key: 'HX-21', version: 5, status: 'IN_REVIEW' },
        },
      }),
    });
    const { onSubmitted } = renderForm();
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Submit recommendation' }));

    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith('HX-21'));
    expect(calls[0]!.variables).toEqual({
      input: {
        issueKey: 'HX-21',
        version: 4,
        discipline: 'test',
        optionId: 'ob',
        rationale: 'Cheaper, no requal.',
        impactAssessment: 'Range -15%.',
        alternatives: 'A if funded.',
      },
    });
  });

  it('shows the API’s complaint at the field it names', async () => {
    stubGraphQL({
      SubmitRecommendation: () =>
        gqlError('BAD_USER_INPUT', 'rationale must be at most 10000 characters.', {
          field: 'rationale',
        }),
    });
    renderForm();
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Submit recommendation' }));

    const rationale = screen.getByLabelText('Rationale');
    await waitFor(() => expect(rationale).toHaveAttribute('aria-invalid', 'true'));
    expect(rationale).toHaveAccessibleDescription('rationale must be at most 10000 characters.');
    expect(rationale).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows other refusals above the form', async () => {
    stubGraphQL({
      SubmitRecommendation: () =>
        gqlError(
          'FORBIDDEN',
          'Only a representative of test on the issue’s current team may recommend for it.',
        ),
    });
    renderForm();
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Submit recommendation' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only a representative of test on the issue’s current team may recommend for it.',
    );
  });

  it('on CONFLICT reloads the issue, keeps the text, and resubmits with the new version', async () => {
    let attempt = 0;
    const calls = stubGraphQL({
      SubmitRecommendation: () =>
        ++attempt === 1
          ? gqlError('CONFLICT', 'Issue HX-21 changed since you read it.', { currentVersion: 6 })
          : {
              data: {
                submitRecommendation: { id: 'i21', key: 'HX-21', version: 7, status: 'IN_REVIEW' },
              },
            },
      IssueOptions: () => ({
        data: {
          issue: {
            id: 'i21',
            version: 6,
            status: 'IN_REVIEW',
            options: [
              ...entry.issue.options,
              { id: 'oc', label: 'C', title: 'Accept the risk', description: '', impacts: '' },
            ],
          },
        },
      }),
    });
    const { onSubmitted } = renderForm();
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Submit recommendation' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'HX-21 changed while you were writing. Its latest version is loaded and your text is kept',
    );
    expect(screen.getByRole('radio', { name: 'C – Accept the risk' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'B – Derate power' })).toBeChecked();
    expect(screen.getByLabelText('Rationale')).toHaveValue('Cheaper, no requal.');
    expect(screen.getByLabelText('Alternatives')).toHaveValue('A if funded.');
    expect(onSubmitted).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Submit recommendation' }));
    await waitFor(() => expect(onSubmitted).toHaveBeenCalledWith('HX-21'));
    const submissions = calls.filter((call) => call.operationName === 'SubmitRecommendation');
    expect(
      submissions.map((call) => (call.variables!['input'] as { version: number }).version),
    ).toEqual([4, 6]);
  });

  it('cancels on request', () => {
    const { onCancel } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
