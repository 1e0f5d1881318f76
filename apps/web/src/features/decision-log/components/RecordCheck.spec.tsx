import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { RecordVerification } from '../api/get-record-verification';
import type { LogProgram } from '../api/get-log-programs';
import { LogScreen } from './LogScreen';
import { ACCEPTED_AGE_SECONDS, RecordChecks, eventTypeText } from './RecordCheck';

const CHECKED_AT = '2026-03-02T14:00:00.000Z';

function verification(overrides: Partial<RecordVerification> = {}): RecordVerification {
  return {
    programKey: 'HX',
    verified: true,
    chainIntact: true,
    eventsChecked: 1234,
    decisionsChecked: 56,
    chainEventsChecked: 1300,
    checkedAt: CHECKED_AT,
    firstBreak: null,
    ...overrides,
  };
}

const broken = verification({
  verified: false,
  chainIntact: true,
  firstBreak: {
    seq: 42,
    at: '2026-02-20T09:15:00.000Z',
    issueKey: 'HX-7',
    eventType: 'DECISION_RECORDED',
    inThisProgram: true,
    problem:
      'Decision d-7 no longer matches its content hash: the decision was altered after it was recorded.',
  },
});

function renderChecks(programKeys: readonly string[]) {
  return render(
    <MemoryRouter>
      <RecordChecks programs={programKeys.map((key) => ({ key, timeZone: 'America/New_York' }))} />
    </MemoryRouter>,
  );
}

afterEach(restoreFetch);

describe('the record check above the decision log', () => {
  it('says the record verified, with its counts and when, and checks again on request', async () => {
    let answer = verification();
    const calls = stubGraphQL({ VerifyRecord: () => ({ data: { verifyRecord: answer } }) });
    renderChecks(['HX']);

    expect(screen.getByRole('heading', { level: 2, name: 'Record integrity' })).toBeVisible();
    const status = await screen.findByRole('status');
    expect(
      await within(status).findByText(/Record verified: 1,234 events, chain intact/),
    ).toBeVisible();
    expect(status).toHaveTextContent(
      '56 decisions match their hashes · checked 2 Mar 2026, 09:00 EST',
    );
    expect(status.querySelector('time')).toHaveAttribute('dateTime', CHECKED_AT);
    // Opening the log shares a recent check; "Check again" asks for one now.
    expect(calls.map((call) => call.variables)).toEqual([
      { programKey: 'HX', maxAgeSeconds: ACCEPTED_AGE_SECONDS },
    ]);

    answer = verification({ eventsChecked: 1240, checkedAt: '2026-03-02T14:05:00.000Z' });
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText(/Record verified: 1,240 events/)).toBeVisible();
    expect(calls.map((call) => call.variables)).toEqual([
      { programKey: 'HX', maxAgeSeconds: ACCEPTED_AGE_SECONDS },
      { programKey: 'HX', maxAgeSeconds: 0 },
    ]);
  });

  it('shows a break prominently: the issue, the event, when, and what is wrong', async () => {
    stubGraphQL({ VerifyRecord: () => ({ data: { verifyRecord: broken } }) });
    renderChecks(['HX']);

    const title = await screen.findByText(/Record broken/);
    const status = screen.getByRole('status');
    expect(status).toHaveClass('log-record__result--broken');
    expect(title).toHaveTextContent(
      /^⚠ Record broken at HX-7, event #42 \(decision recorded\), recorded /,
    );
    expect(within(title).getByRole('link', { name: 'HX-7' })).toHaveAttribute(
      'href',
      '/issues/HX-7',
    );
    expect(status).toHaveTextContent(
      'Decision d-7 no longer matches its content hash: the decision was altered after it was recorded.',
    );
    expect(status).toHaveTextContent('1,234 events and 56 decisions checked · checked');
    expect(status).not.toHaveTextContent('Record verified');
  });

  it('names each program when it shows several, and a break elsewhere without an issue', async () => {
    stubGraphQL({
      VerifyRecord: (variables) => ({
        data: {
          verifyRecord:
            variables?.['programKey'] === 'SUB'
              ? verification({
                  programKey: 'SUB',
                  verified: false,
                  chainIntact: false,
                  firstBreak: {
                    seq: 12,
                    at: null,
                    issueKey: null,
                    eventType: null,
                    inThisProgram: false,
                    problem: 'The hash chain, which all programs share, breaks at event #12.',
                  },
                })
              : verification(),
        },
      }),
    });
    renderChecks(['HX', 'SUB']);

    expect(await screen.findByText(/HX: Record verified/)).toBeVisible();
    const elsewhere = await screen.findByText(/SUB: Record broken/);
    expect(elsewhere).toHaveTextContent(/^⚠ SUB: Record broken, event #12$/);
    expect(within(elsewhere).queryByRole('link')).toBeNull();
  });

  it('says when the check failed, with a way to try again', async () => {
    stubGraphQL({
      VerifyRecord: () => gqlError('UNAVAILABLE', 'The database is busy; try again.'),
    });
    renderChecks(['HX']);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not verify the record');
    expect(alert).toHaveTextContent('The database is busy; try again.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  it('is offered on the log only for programs the user may verify', async () => {
    const program = (key: string, viewerMayVerifyRecord: boolean): LogProgram => ({
      id: `p-${key}`,
      key,
      timeZone: 'America/New_York',
      name: `${key} program`,
      viewerMayVerifyRecord,
      disciplines: [],
      teams: [],
    });
    const calls = stubGraphQL({
      DecisionLogPrograms: () => ({
        data: { programs: [program('HX', true), program('SUB', false)] },
      }),
      DecisionLog: () => ({
        data: {
          decisions: {
            totalCount: 0,
            pageInfo: { hasNextPage: false, endCursor: null },
            edges: [],
          },
        },
      }),
      VerifyRecord: () => ({ data: { verifyRecord: verification() } }),
    });
    render(
      <MemoryRouter initialEntries={['/decisions']}>
        <LogScreen now={new Date(2026, 2, 2, 9, 30)} />
      </MemoryRouter>,
    );
    expect(await screen.findByText(/Record verified: 1,234 events/)).toBeVisible();
    expect(
      calls.filter((call) => call.operationName === 'VerifyRecord').map((c) => c.variables),
    ).toEqual([{ programKey: 'HX', maxAgeSeconds: ACCEPTED_AGE_SECONDS }]);
  });

  it('shows nothing to people who may verify no program shown', () => {
    const { container } = renderChecks([]);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('event types', () => {
  it('read as words', () => {
    expect(eventTypeText('DECISION_SUPERSEDED')).toBe('decision superseded');
  });
});
