import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { SessionContext, type SessionContextValue } from '../../auth';
import { PAT, awaitingDecision, program } from '../../issue/testing/fixtures';
import { restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { QueueEntry } from '../api/get-my-decision-queue';
import { QueueScreen, queueSummary, sortQueue } from './QueueScreen';

jest.mock('../../../lib/live', () => ({ useIssueActivity: jest.fn() }));

const NOW = new Date('2026-03-02T14:00:00.000Z');

function recommendation(discipline: string, option: 'A' | 'B', rationale: string) {
  return {
    discipline,
    state: 'RECOMMENDED' as const,
    recommendation: {
      id: `${discipline}-r`,
      rationale,
      impactAssessment: '',
      alternatives: '',
      submittedAt: '2026-02-27T10:00:00.000Z',
      option: { id: `o${option}`, label: option },
      author: { id: `${discipline}-u`, name: `${discipline} rep` },
    },
    waiver: null,
  };
}

function entry(
  key: string,
  dueAt: string | null,
  readyAt = '2026-02-28T10:00:00.000Z',
  forecast: QueueEntry['issue']['decisionForecast'] = null,
): QueueEntry {
  return {
    dueAt,
    team: { id: 't1', name: 'Radio Hardware WIPT', tier: 'WIPT' },
    assignees: [{ id: 'u-pm', name: 'Pat Morgan' }],
    issue: {
      id: key,
      key,
      title: `Issue ${key}`,
      version: 5,
      status: 'AWAITING_DECISION',
      conditionStatement: 'The supplier slipped four weeks.',
      impactArea: 'SCHEDULE',
      consequence: 4,
      readyAt,
      viewerActions: ['RECORD_DECISION', 'COMMENT'],
      stageClocks: [
        {
          stage: 'RECOMMENDATIONS',
          state: 'FINISHED',
          startedAt: '2026-02-20T10:00:00.000Z',
          dueAt: null,
          dueSource: null,
          finishedAt: readyAt,
          elapsedDays: 8,
          lateByDays: 0,
        },
        {
          stage: 'DECISION',
          state: 'RUNNING',
          startedAt: readyAt,
          dueAt,
          dueSource: dueAt === null ? null : 'POLICY',
          finishedAt: null,
          elapsedDays: 2,
          lateByDays: 0,
        },
      ],
      decisionForecast: forecast,
      program: {
        key: 'HX',
        timeZone: 'America/New_York',
        disciplines: [
          { code: 'engineering', name: 'Systems engineering' },
          { code: 'test', name: 'Test & evaluation' },
          { code: 'cost', name: 'Cost & financial management' },
        ],
      },
      options: [
        {
          id: 'oA',
          label: 'A',
          title: 'Order now',
          description: '',
          impacts: 'Single source risk.',
        },
        { id: 'oB', label: 'B', title: 'Wait', description: '', impacts: 'Four weeks late.' },
      ],
      coverage: [
        recommendation('engineering', 'A', 'Protects the LRIP date.'),
        recommendation('test', 'B', 'Wait for the qualified source.'),
        recommendation('cost', 'A', 'Cheaper overall.'),
        {
          discipline: 'logistics',
          state: 'WAIVED',
          recommendation: null,
          waiver: {
            id: 'w1',
            reason: 'No support impact.',
            waivedAt: '2026-02-26T10:00:00.000Z',
            waivedBy: { id: 'u-pm', name: 'Pat Morgan' },
          },
        },
      ],
    },
  };
}

const late = entry('HX-13', '2026-02-28T14:00:00.000Z', '2026-02-26T10:00:00.000Z', {
  p50At: '2026-03-06T15:00:00.000Z',
  p90At: '2026-03-12T15:00:00.000Z',
  basis: 'AUTHORITY',
  basisLabel: '14 past decisions of Radio Hardware WIPT',
  basisCount: 14,
  dueAt: '2026-02-28T14:00:00.000Z',
});
const later = entry('HX-20', '2026-03-05T14:00:00.000Z');
const undated = entry('HX-4', null);

const signedInAuthority: SessionContextValue = {
  session: {
    status: 'signedIn',
    user: { ...PAT, email: 'pm@example.com', isSystemAdmin: false },
  },
  signedIn: jest.fn(),
  signOut: jest.fn(),
  retry: jest.fn(),
};

function renderScreen() {
  return render(
    <SessionContext value={signedInAuthority}>
      <MemoryRouter>
        <QueueScreen now={NOW} />
      </MemoryRouter>
    </SessionContext>,
  );
}

afterEach(() => {
  restoreFetch();
  localStorage.clear();
});

describe('sortQueue and queueSummary', () => {
  it('put the oldest due first, the undated last, then the longest ready', () => {
    const readyEarlier = entry('HX-30', '2026-03-05T14:00:00.000Z', '2026-02-01T00:00:00.000Z');
    expect(sortQueue([undated, later, late, readyEarlier]).map((e) => e.issue.key)).toEqual([
      'HX-13',
      'HX-30',
      'HX-20',
      'HX-4',
    ]);
    expect(queueSummary([late, later], NOW)).toBe(
      '2 issues wait for your decision, 1 of them overdue.',
    );
    expect(queueSummary([later], NOW)).toBe('1 issue waits for your decision.');
    expect(queueSummary([late], NOW)).toBe('1 issue waits for your decision, and it is overdue.');
  });
});

describe('QueueScreen', () => {
  it('shows one card per issue with its readiness packet', async () => {
    stubGraphQL({ MyDecisionQueue: () => ({ data: { myDecisionQueue: [later, late] } }) });
    renderScreen();

    const cards = await screen.findAllByRole('article');
    expect(
      cards.map((card) => within(card).getByRole('heading', { level: 2 }).textContent),
    ).toEqual(['HX-13 Issue HX-13', 'HX-20 Issue HX-20']);
    const card = cards[0]!;
    expect(card).toHaveAccessibleName('HX-13 Issue HX-13');
    expect(card).toHaveTextContent('Decision due');
    expect(card).toHaveTextContent('overdue by 2 days');
    expect(cards[1]).toHaveTextContent('in 3 days');
    // Impact
    expect(card).toHaveTextContent('Schedule');
    expect(card).toHaveTextContent('4 – Significant');
    expect(card).toHaveTextContent('The supplier slipped four weeks.');
    // Options with the tally
    expect(card).toHaveTextContent('A is favoured by 2 of 3 disciplines.');
    const options = within(card).getByRole('table', {
      name: 'Options on HX-13 and who favours them',
    });
    expect(
      within(options)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual([
      'A – Order nowSingle source risk.2: Systems engineering, Cost & financial management',
      'B – WaitFour weeks late.1: Test & evaluation',
    ]);
    // Dissent, and the rationale on demand
    expect(card).toHaveTextContent('Test & evaluation favours B, not A.');
    const recommendations = within(card).getByRole('table', {
      name: 'Each discipline’s recommendation on HX-13',
    });
    const summaries = within(recommendations).getAllByText('Rationale', { selector: 'summary' });
    expect(summaries).toHaveLength(3);
    const rationale = within(recommendations).getByText('Wait for the qualified source.');
    expect(rationale).not.toBeVisible();
    fireEvent.click(summaries[1]!);
    expect(rationale).toBeVisible();
    // Waivers with reasons
    expect(card).toHaveTextContent('logistics waived by Pat Morgan');
    expect(card).toHaveTextContent('No support impact.');
  });

  it('shows the decision clock and when the decision is likely, flagged when after its due date', async () => {
    stubGraphQL({ MyDecisionQueue: () => ({ data: { myDecisionQueue: [later, late] } }) });
    renderScreen();

    const [overdue, onTime] = (await screen.findAllByRole('article')) as HTMLElement[];
    expect(overdue).toHaveTextContent(
      'Decision: 4 days so far · due date: policy · ⚠ Late by 2 days',
    );
    expect(overdue).toHaveTextContent(
      'Likely decided by 6 Mar 2026 (p50), 12 Mar 2026 at the latest (p90) — from 14 past decisions of Radio Hardware WIPT.',
    );
    expect(within(overdue!).getByText('Likely after its due date')).toBeInTheDocument();
    // The compact form leaves out the basis line.
    expect(overdue).not.toHaveTextContent('Based on');
    expect(onTime).toHaveTextContent('Decision: 2 days so far · due date: policy');
    expect(onTime).not.toHaveTextContent('Likely');
  });

  it('says when nothing waits for a decision', async () => {
    stubGraphQL({ MyDecisionQueue: () => ({ data: { myDecisionQueue: [] } }) });
    renderScreen();
    expect(await screen.findByText('No issues are waiting for your decision.')).toBeInTheDocument();
  });

  it('offers "Record decision" only where the person may decide', async () => {
    const notMine = { ...later, issue: { ...later.issue, viewerActions: ['COMMENT'] } };
    stubGraphQL({ MyDecisionQueue: () => ({ data: { myDecisionQueue: [late, notMine] } }) });
    renderScreen();
    const cards = await screen.findAllByRole('article');
    expect(within(cards[0]!).getByRole('button', { name: 'Record decision' })).toBeInTheDocument();
    expect(within(cards[1]!).queryByRole('button', { name: 'Record decision' })).toBeNull();
  });

  it('records a decision with the issue’s own form, action items due on the program’s days, after which the issue leaves the queue', async () => {
    let decided = false;
    const calls = stubGraphQL({
      MyDecisionQueue: () => ({ data: { myDecisionQueue: decided ? [later] : [late, later] } }),
      IssueDetail: () => ({ data: { issue: awaitingDecision({ key: 'HX-13' }) } }),
      IssueProgramPeople: () => ({ data: { program: program() } }),
      IssueRecordDecision: () => {
        decided = true;
        return { data: { recordDecision: { id: 'i7', version: 7 } } };
      },
    });
    renderScreen();
    const [card] = await screen.findAllByRole('article');
    fireEvent.click(within(card!).getByRole('button', { name: 'Record decision' }));
    fireEvent.click(await screen.findByRole('radio', { name: /A – Redesign the antenna mount/ }));
    const dialog = screen.getByRole('dialog', { name: 'Record decision' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Rationale' }), {
      target: { value: 'Protect LRIP.' },
    });
    await within(dialog).findByRole('button', { name: 'Add action item' });
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Add action item' })).toBeEnabled(),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add action item' }));
    const row = within(dialog).getByRole('group', { name: 'Action item 1' });
    fireEvent.change(within(row).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Order the titanium' },
    });
    fireEvent.change(within(row).getByRole('combobox', { name: 'Assignee' }), {
      target: { value: PAT.id },
    });
    // The day is the program's (New York), whatever the browser's zone.
    fireEvent.change(within(row).getByLabelText('Due (America/New_York)'), {
      target: { value: '2026-03-20' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record decision' }));

    expect(await screen.findByText('Decision recorded on HX-13.')).toHaveFocus();
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByRole('article')).toHaveAccessibleName('HX-20 Issue HX-20');
    const sent = calls.find((c) => c.operationName === 'IssueRecordDecision');
    expect(sent?.variables).toMatchObject({
      input: {
        issueKey: 'HX-13',
        optionId: 'o-a',
        actionItems: [
          { title: 'Order the titanium', assigneeId: PAT.id, dueAt: '2026-03-21T03:59:59.999Z' },
        ],
      },
    });
  });
});
