import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { IssueActivity } from '../../lib/live';
import {
  gqlError,
  restoreFetch,
  stubGraphQL,
  type OperationHandler,
} from '../../test/graphql-stub';
import { SessionContext, type SessionContextValue } from '../auth';
import type { IssueDetail } from './api/get-issue';
import { DEFAULT_TIMELINESS_POLICY } from '@ipt/domain';
import { toPolicyFields } from '../timeliness';
import { IssuePage } from './IssuePage';
import { ENG, NOW, PAT, PEO, awaitingDecision, program } from './testing/fixtures';
import { ClockContext } from '../../lib/dates';

jest.mock('./styles', () => ({}));

// The live channel, stood in for: tests announce activity through it.
const mockListeners: ((activity: IssueActivity) => void)[] = [];
jest.mock('../../lib/live', () => ({
  useIssueActivity: (_scope: unknown, onActivity: (activity: IssueActivity) => void) => {
    mockListeners.push(onActivity);
  },
}));

function announceActivity(activity: Partial<IssueActivity>) {
  const listener = mockListeners.at(-1);
  if (!listener) throw new Error('The page did not subscribe to live activity.');
  act(() =>
    listener({
      issueKey: 'HX-7',
      programKey: 'HX',
      type: 'X',
      actorName: null,
      version: 0,
      ...activity,
    }),
  );
}

function session(user: { id: string; name: string }): SessionContextValue {
  return {
    session: {
      status: 'signedIn',
      user: { ...user, email: `${user.id}@example.com`, isSystemAdmin: false },
    },
    signedIn: jest.fn(),
    signOut: jest.fn(),
    retry: jest.fn(),
  };
}

function renderIssue(
  handlers: Record<string, OperationHandler>,
  {
    viewer = PAT,
    path = '/issues/hx-7',
  }: { viewer?: { id: string; name: string }; path?: string } = {},
) {
  const calls = stubGraphQL({
    IssueProgramPeople: () => ({ data: { program: program() } }),
    IssueTimelinessPolicy: () => ({
      data: { timelinessPolicy: toPolicyFields(DEFAULT_TIMELINESS_POLICY) },
    }),
    ...handlers,
  });
  render(
    <ClockContext value={NOW}>
      <SessionContext value={session(viewer)}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/issues/:key" element={<IssuePage />} />
          </Routes>
        </MemoryRouter>
      </SessionContext>
    </ClockContext>,
  );
  return calls;
}

const answer = (issue: IssueDetail) => () => ({ data: { issue } });
const heading = () => screen.findByRole('heading', { level: 1 });
const dialog = () => screen.getByRole('dialog');
const actionBar = () => screen.getByRole('group', { name: 'Actions on this issue' });

afterEach(() => {
  restoreFetch();
  mockListeners.length = 0;
  // Drafts are kept in localStorage: each test starts without any.
  localStorage.clear();
});

describe('IssuePage', () => {
  it('keeps what was typed in an action form and the comment box, and asks before a dialog throws it away', async () => {
    const issue = awaitingDecision({ viewerActions: ['ADD_OPTION', 'COMMENT'] });
    renderIssue({ IssueDetail: answer(issue) });
    await heading();

    fireEvent.change(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'Half a comment' },
    });
    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Add option' }));
    fireEvent.change(within(dialog()).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Composite mount' },
    });
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false);
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(confirm).toHaveBeenCalledWith('Discard what you typed? It has not been sent.');
    expect(within(dialog()).getByRole('textbox', { name: 'Title' })).toHaveValue('Composite mount');
    confirm.mockRestore();
    cleanup();

    // A reload (the page rendered afresh) brings both back.
    renderIssue({ IssueDetail: answer(issue) });
    await heading();
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveValue('Half a comment');
    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Add option' }));
    expect(within(dialog()).getByRole('textbox', { name: 'Title' })).toHaveValue('Composite mount');
  });

  it('shows the loading state, then the header with key, title, status, owner, team and due date', async () => {
    const calls = renderIssue({ IssueDetail: answer(awaitingDecision()) });

    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Loading HX-7…');
    const title = await heading();
    expect(title).toHaveTextContent('HX-7 Antenna mount exceeds weight allocation');
    expect(calls.find((c) => c.operationName === 'IssueDetail')!.variables).toEqual({
      key: 'HX-7',
    });

    const header = title.closest('header')!;
    expect(header).toHaveTextContent('StatusAwaiting decision');
    expect(header).toHaveTextContent('Consequence4 – Significant');
    expect(header).toHaveTextContent('Impact areaPerformance');
    expect(header).toHaveTextContent('OwnerPat Morgan');
    expect(header).toHaveTextContent('TeamRadio WIPT WIPT');
    expect(header).toHaveTextContent('Decision due');
    expect(within(header).getByText('overdue by 2 days')).toHaveClass('issue-due--overdue');
  });

  it('shows the discipline coverage matrix with who, when, the favoured option and lateness', async () => {
    renderIssue({ IssueDetail: answer(awaitingDecision()) });

    const table = await screen.findByRole('table', { name: 'Discipline coverage' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Systems engineering',
      'Test & evaluation',
      'Cost & financial management',
    ]);
    expect(rows[0]).toHaveTextContent('Recommended');
    expect(rows[0]).toHaveTextContent('Erin Engineer');
    expect(rows[0]).toHaveTextContent('A – Redesign the antenna mount');
    expect(rows[0]).toHaveTextContent('On time');
    expect(rows[1]).toHaveTextContent('Late by 33 hours');
    expect(rows[2]).toHaveTextContent('Waived');
    expect(rows[2]).toHaveTextContent('Pat Morgan');
    // The superseded recommendation is kept, but folded away.
    expect(screen.getByText('Superseded recommendations (1)')).toBeInTheDocument();
  });

  describe('the action menu', () => {
    it('offers exactly the actions in viewerActions', async () => {
      renderIssue({ IssueDetail: answer(awaitingDecision()) });
      await heading();

      expect(
        within(actionBar())
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['Edit', 'Add option', 'Record decision', 'Escalate', 'Withdraw']);
      expect(screen.getByRole('textbox', { name: 'Comment' })).toBeInTheDocument();
    });

    it('offers a representative only their recommendation, and their own disciplines', async () => {
      renderIssue(
        {
          IssueDetail: answer(
            awaitingDecision({ viewerActions: ['SUBMIT_RECOMMENDATION', 'COMMENT'] }),
          ),
        },
        { viewer: ENG },
      );
      await heading();

      expect(
        within(actionBar())
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['Recommend']);
      fireEvent.click(within(actionBar()).getByRole('button', { name: 'Recommend' }));
      const form = dialog();
      expect(form).toHaveAccessibleName('Submit recommendation');
      const discipline = within(form).getByRole('combobox', { name: 'Discipline' });
      expect(
        within(discipline)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Systems engineering']);
      expect(within(form).getByText(/already recommended option/)).toBeInTheDocument();
      expect(
        within(form).getByRole('radio', {
          name: 'B – Accept the weight and relax the requirement',
        }),
      ).toBeInTheDocument();
      expect(
        within(form).getByRole('button', { name: 'Submit recommendation' }),
      ).toBeInTheDocument();
    });

    it('offers nothing, not even a comment box, when viewerActions is empty', async () => {
      renderIssue({ IssueDetail: answer(awaitingDecision({ viewerActions: [] })) });
      await heading();

      expect(
        screen.queryByRole('group', { name: 'Actions on this issue' }),
      ).not.toBeInTheDocument();
      expect(
        screen.getByText('No actions on this issue are yours to take now.'),
      ).toBeInTheDocument();
      expect(screen.queryByRole('textbox', { name: 'Comment' })).not.toBeInTheDocument();
    });

    it('closes a form on Cancel and on Escape, giving focus back to its button', async () => {
      renderIssue({ IssueDetail: answer(awaitingDecision()) });
      await heading();
      const escalate = within(actionBar()).getByRole('button', { name: 'Escalate' });

      escalate.focus();
      fireEvent.click(escalate);
      expect(dialog()).toHaveAccessibleName('Escalate issue');
      expect(within(dialog()).getByRole('textbox', { name: 'Reason' })).toHaveFocus();
      fireEvent.keyDown(dialog(), { key: 'Escape' });
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(escalate).toHaveFocus();

      fireEvent.click(escalate);
      fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  describe('timeliness', () => {
    it('shows each stage clock: state, dates in program time, policy or by hand, and lateness in words', async () => {
      renderIssue({ IssueDetail: answer(awaitingDecision()) });
      await heading();

      const track = screen.getByRole('list', { name: 'Stage clocks of HX-7' });
      const stages = within(track).getAllByRole('listitem');
      expect(stages.map((li) => li.querySelector('.stage-clock__name')?.textContent)).toEqual([
        'Triage',
        'Recommendations',
        'Decision',
        'Resolution',
      ]);
      const [triage, recommendations, decision, resolution] = stages as [
        HTMLElement,
        HTMLElement,
        HTMLElement,
        HTMLElement,
      ];
      expect(triage).toHaveTextContent('Finished, took 24 hours');
      expect(triage).toHaveTextContent('On time');
      expect(recommendations).toHaveTextContent('Due4 Mar 2026 set by hand');
      expect(recommendations).toHaveTextContent('Late by 33 hours');
      // The running clock is read at the page's "now" (NOW: 4 days after it started).
      expect(decision).toHaveAttribute('aria-current', 'step');
      expect(decision).toHaveTextContent('Running, 4 days so far');
      expect(decision).toHaveTextContent('Due8 Mar 2026 policy');
      expect(decision).toHaveTextContent('Late by 2 days');
      expect(resolution).toHaveTextContent('Not started');
      expect(resolution).not.toHaveTextContent('Late');

      expect(screen.getByRole('heading', { name: 'Decision forecast' })).toBeInTheDocument();
      expect(
        screen.getByText(/Likely decided by/, { selector: '.decision-forecast__line' }),
      ).toHaveTextContent(
        'Likely decided by 12 Mar 2026 (p50), 20 Mar 2026 at the latest (p90) — from 14 past decisions of Radio WIPT.',
      );
      expect(screen.getByText('Likely after its due date')).toBeInTheDocument();
    });

    it('shows what the timeliness policy did in the timeline', async () => {
      const base = awaitingDecision();
      const snapshot = { key: 'HX-7', status: 'IN_REVIEW' };
      renderIssue({
        IssueDetail: answer({
          ...base,
          timeline: [
            ...base.timeline,
            {
              seq: 4,
              type: 'DUE_DATES_RECOMPUTED',
              entityType: 'Issue',
              at: '2026-03-07T14:00:00.000Z',
              before: JSON.stringify({ dueDates: { DECISION: '2026-03-04T22:00:00.000Z' } }),
              after: JSON.stringify({
                dueDates: { DECISION: '2026-03-06T22:00:00.000Z' },
                reason: 'The program’s timeliness policy changed.',
                version: 7,
                snapshot,
              }),
              actor: null,
            },
            {
              seq: 5,
              type: 'ISSUE_ESCALATED',
              entityType: 'Escalation',
              at: '2026-03-09T14:00:00.000Z',
              before: JSON.stringify({ status: 'AWAITING_DECISION', team: 'Radio WIPT' }),
              after: JSON.stringify({
                status: 'IN_REVIEW',
                team: 'Integration IIPT',
                reason: 'Decision overdue past the 3-business-day grace period.',
                source: 'POLICY',
                escalation: { fromTeamId: 't-wipt', toTeamId: 't-iipt', source: 'POLICY' },
                version: 8,
                snapshot,
              }),
              actor: null,
            },
          ],
        }),
      });
      await heading();

      const timeline = screen.getByRole('region', { name: 'Timeline' });
      const events = within(timeline)
        .getAllByRole('listitem')
        .filter((li) => li.classList.contains('issue-event'));
      const recomputed = events.at(-2)!;
      expect(recomputed).toHaveTextContent('Due dates recomputed');
      expect(recomputed).toHaveTextContent('Timeliness policy ·');
      expect(recomputed).toHaveTextContent(
        'Due dates recomputed after a policy change: decision due 4 Mar 2026 → 6 Mar 2026',
      );
      expect(recomputed).not.toHaveTextContent('Snapshot');

      const escalated = events.at(-1)!;
      expect(escalated).toHaveTextContent('Timeliness policy ·');
      expect(escalated).not.toHaveTextContent('The system');
      expect(escalated).toHaveTextContent(
        'Escalated by the timeliness policy: Decision overdue past the 3-business-day grace period.',
      );
      expect(escalated).toHaveTextContent('Team: Radio WIPT → Integration IIPT');
      expect(escalated).not.toHaveTextContent('From team');
    });

    it('triage: shows what the policy gives a blank date, and sends only the dates set', async () => {
      const open = awaitingDecision({
        status: 'OPEN',
        version: 1,
        owner: null,
        consequence: null,
        requiredDisciplines: [],
        coverage: [],
        recommendations: [],
        currentStage: 'TRIAGE',
        dueDates: {
          triage: '2026-03-12T15:00:00.000Z',
          recommendations: null,
          decision: null,
          resolution: null,
        },
        stageClocks: awaitingDecision().stageClocks.map((clock) =>
          clock.stage === 'TRIAGE'
            ? { ...clock, state: 'RUNNING', finishedAt: null }
            : {
                ...clock,
                state: 'NOT_STARTED',
                startedAt: null,
                dueAt: null,
                dueSource: null,
                finishedAt: null,
              },
        ),
        decisionForecast: null,
        viewerActions: ['TRIAGE', 'UPDATE', 'WITHDRAW', 'COMMENT'],
      });
      const calls = renderIssue({
        IssueDetail: answer(open),
        IssueTriage: () => ({ data: { triageIssue: { id: 'i7', version: 2 } } }),
      });
      await heading();

      fireEvent.click(within(actionBar()).getByRole('button', { name: 'Triage' }));
      const form = dialog();
      const owner = within(form).getByRole('combobox', { name: 'Owner' });
      await within(owner).findByRole('option', { name: /Pat Morgan/ });
      const recommendationsDue = within(form).getByLabelText(/^Recommendations due/);
      // Before the consequence is rated, the policy's middle level stands in.
      await waitFor(() =>
        expect(recommendationsDue).toHaveAccessibleDescription(
          'Leave blank to use the program’s policy: recommendations due in 10 business days, 24 Mar 2026 (as for consequence 3 – Moderate until you rate it).',
        ),
      );
      fireEvent.change(owner, { target: { value: PAT.id } });
      fireEvent.change(within(form).getByRole('combobox', { name: 'Consequence' }), {
        target: { value: '5' },
      });
      expect(recommendationsDue).toHaveAccessibleDescription(
        'Leave blank to use the program’s policy: recommendations due in 3 business days, 13 Mar 2026.',
      );
      expect(within(form).getByLabelText(/^Decision due/)).toHaveAccessibleDescription(
        'Leave blank to use the program’s policy: the decision due 2 business days after the recommendations are in.',
      );
      expect(recommendationsDue).not.toBeRequired();
      fireEvent.click(within(form).getByRole('checkbox', { name: 'Systems engineering' }));
      fireEvent.change(within(form).getByLabelText(/^Decision due/), {
        target: { value: '2026-03-27' },
      });
      fireEvent.click(within(form).getByRole('button', { name: 'Save triage' }));

      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      const triage = calls.find((c) => c.operationName === 'IssueTriage')!;
      expect(triage.variables).toEqual({
        input: {
          issueKey: 'HX-7',
          version: 1,
          ownerId: PAT.id,
          consequence: 5,
          impactArea: 'PERFORMANCE',
          requiredDisciplines: ['engineering'],
          dueDates: { decision: '2026-03-28T03:59:59.999Z' },
        },
      });
    });

    it('triage: sends no due dates at all when every one is left to the policy', async () => {
      const open = awaitingDecision({
        status: 'OPEN',
        version: 1,
        owner: PAT,
        consequence: 2,
        requiredDisciplines: ['test'],
        coverage: [],
        recommendations: [],
        currentStage: 'TRIAGE',
        dueDates: {
          triage: '2026-03-12T15:00:00.000Z',
          recommendations: null,
          decision: null,
          resolution: '2026-04-01T03:59:59.999Z',
        },
        stageClocks: awaitingDecision().stageClocks.map((clock) =>
          clock.stage === 'TRIAGE'
            ? { ...clock, state: 'RUNNING', finishedAt: null }
            : clock.stage === 'RESOLUTION'
              ? clock
              : {
                  ...clock,
                  state: 'NOT_STARTED',
                  startedAt: null,
                  dueAt: null,
                  dueSource: null,
                  finishedAt: null,
                },
        ),
        decisionForecast: null,
        viewerActions: ['TRIAGE'],
      });
      const calls = renderIssue({
        IssueDetail: answer(open),
        IssueTriage: () => ({ data: { triageIssue: { id: 'i7', version: 2 } } }),
      });
      await heading();

      fireEvent.click(within(actionBar()).getByRole('button', { name: 'Triage' }));
      await within(within(dialog()).getByRole('combobox', { name: 'Owner' })).findByRole('option', {
        name: /Pat Morgan/,
      });
      // A date set by hand before triage is kept (and sent again as set by hand); the policy's are not.
      expect(within(dialog()).getByLabelText(/^Resolution due/)).toHaveValue('2026-03-31');
      expect(within(dialog()).getByLabelText(/^Recommendations due/)).toHaveValue('');
      fireEvent.change(within(dialog()).getByLabelText(/^Resolution due/), {
        target: { value: '' },
      });
      fireEvent.click(within(dialog()).getByRole('button', { name: 'Save triage' }));

      await waitFor(() => expect(calls.some((c) => c.operationName === 'IssueTriage')).toBe(true));
      const input = calls.find((c) => c.operationName === 'IssueTriage')!.variables!['input'];
      expect(input).not.toHaveProperty('dueDates');
      expect(input).toMatchObject({ consequence: 2, requiredDisciplines: ['test'] });
    });
  });

  describe('errors', () => {
    const anOpenIssue = () =>
      awaitingDecision({
        status: 'OPEN',
        version: 1,
        owner: null,
        consequence: null,
        requiredDisciplines: [],
        coverage: [],
        recommendations: [],
        currentStage: 'TRIAGE',
        viewerActions: ['TRIAGE', 'UPDATE', 'ADD_OPTION', 'WITHDRAW', 'COMMENT'],
      });

    it("shows the API's error at the field it concerns", async () => {
      const open = anOpenIssue();
      const calls = renderIssue({
        IssueDetail: answer(open),
        // What the client cannot know (a holiday rule, a change since) the API says, every
        // problem at once, each at its field.
        IssueTriage: () =>
          gqlError('BAD_USER_INPUT', 'Two problems.', {
            field: 'dueDates.decision',
            problems: [
              { field: 'dueDates.decision', message: 'The decision falls on a holiday.' },
              { field: 'dueDates.resolution', message: 'The resolution falls on a holiday.' },
            ],
          }),
      });
      await heading();

      fireEvent.click(within(actionBar()).getByRole('button', { name: 'Triage' }));
      const form = dialog();
      // The program's people and disciplines load for the pickers.
      const owner = within(form).getByRole('combobox', { name: 'Owner' });
      await within(owner).findByRole('option', { name: /Pat Morgan/ });
      fireEvent.change(owner, { target: { value: PAT.id } });
      fireEvent.change(within(form).getByRole('combobox', { name: 'Consequence' }), {
        target: { value: '3' },
      });
      fireEvent.click(within(form).getByRole('checkbox', { name: 'Systems engineering' }));
      fireEvent.click(within(form).getByRole('checkbox', { name: 'Test & evaluation' }));
      fireEvent.change(within(form).getByLabelText(/^Recommendations due/), {
        target: { value: '2026-03-20' },
      });
      fireEvent.change(within(form).getByLabelText(/^Decision due/), {
        target: { value: '2026-03-25' },
      });
      fireEvent.change(within(form).getByLabelText(/^Resolution due/), {
        target: { value: '2026-04-30' },
      });
      fireEvent.click(within(form).getByRole('button', { name: 'Save triage' }));

      const decisionDue = within(form).getByLabelText(/^Decision due/);
      await waitFor(() => expect(decisionDue).toHaveAttribute('aria-invalid', 'true'));
      expect(decisionDue).toHaveAccessibleDescription(
        expect.stringContaining('The decision falls on a holiday.'),
      );
      expect(within(form).getByLabelText(/^Resolution due/)).toHaveAccessibleDescription(
        expect.stringContaining('The resolution falls on a holiday.'),
      );
      expect(decisionDue).toHaveFocus();
      expect(within(form).getByLabelText(/^Recommendations due/)).not.toHaveAttribute(
        'aria-invalid',
      );
      expect(within(form).queryByRole('alert')).not.toBeInTheDocument();

      const triage = calls.find((c) => c.operationName === 'IssueTriage')!;
      expect(triage.variables).toEqual({
        input: {
          issueKey: 'HX-7',
          version: 1,
          ownerId: PAT.id,
          consequence: 3,
          impactArea: 'PERFORMANCE',
          requiredDisciplines: ['engineering', 'test'],
          dueDates: {
            recommendations: '2026-03-21T03:59:59.999Z',
            decision: '2026-03-26T03:59:59.999Z',
            resolution: '2026-05-01T03:59:59.999Z',
          },
        },
      });
    });

    it('names every due date out of order at once, in plain words, before sending', async () => {
      const calls = renderIssue({ IssueDetail: answer(anOpenIssue()) });
      await heading();

      fireEvent.click(within(actionBar()).getByRole('button', { name: 'Triage' }));
      const form = dialog();
      fireEvent.change(within(form).getByLabelText(/^Recommendations due/), {
        target: { value: '2026-03-20' },
      });
      fireEvent.change(within(form).getByLabelText(/^Decision due/), {
        target: { value: '2026-03-18' },
      });
      fireEvent.change(within(form).getByLabelText(/^Resolution due/), {
        target: { value: '2026-03-19' },
      });
      fireEvent.click(within(form).getByRole('button', { name: 'Save triage' }));

      expect(within(form).getByLabelText(/^Decision due/)).toHaveAccessibleDescription(
        expect.stringContaining(
          'The decision is due before the recommendations are — pick a day on or after 20 Mar 2026.',
        ),
      );
      expect(within(form).getByLabelText(/^Resolution due/)).toHaveAccessibleDescription(
        expect.stringContaining(
          'The resolution is due before the recommendations are — pick a day on or after 20 Mar 2026.',
        ),
      );
      expect(calls.some((c) => c.operationName === 'IssueTriage')).toBe(false);
    });

    it('checks what it can before sending, at the fields', async () => {
      const calls = renderIssue({ IssueDetail: answer(awaitingDecision()) });
      await heading();

      fireEvent.click(within(actionBar()).getByRole('button', { name: 'Record decision' }));
      fireEvent.click(within(dialog()).getByRole('button', { name: 'Add action item' }));
      fireEvent.click(within(dialog()).getByRole('button', { name: 'Record decision' }));

      expect(
        within(dialog()).getByRole('radiogroup', { name: 'Option' }),
      ).toHaveAccessibleDescription('Choose the option decided on.');
      expect(within(dialog()).getByRole('textbox', { name: 'Rationale' })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      const row = within(dialog()).getByRole('group', { name: 'Action item 1' });
      expect(within(row).getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(
        'Say what is to be done.',
      );
      expect(calls.some((c) => c.operationName === 'IssueRecordDecision')).toBe(false);
    });

    it('shows ILLEGAL_TRANSITION and FORBIDDEN plainly in the form', async () => {
      const refusals = [
        gqlError(
          'ILLEGAL_TRANSITION',
          'Cannot escalate: the issue sits at the top of its ladder (OIPT). Allowed while AWAITING_DECISION: edit, record a decision.',
        ),
        gqlError(
          'FORBIDDEN',
          'Only a program manager or the lead of the issue’s current team may escalate an issue.',
        ),
      ];
      renderIssue({
        IssueDetail: answer(awaitingDecision()),
        IssueEscalate: () => refusals.shift(),
      });
      await heading();

      fireEvent.click(within(actionBar()).getByRole('button', { name: 'Escalate' }));
      fireEvent.change(within(dialog()).getByRole('textbox', { name: 'Reason' }), {
        target: { value: 'Needs the IIPT' },
      });
      fireEvent.click(within(dialog()).getByRole('button', { name: 'Escalate' }));
      expect(await within(dialog()).findByRole('alert')).toHaveTextContent(
        'Cannot escalate: the issue sits at the top of its ladder (OIPT).',
      );

      fireEvent.click(within(dialog()).getByRole('button', { name: 'Escalate' }));
      await waitFor(() =>
        expect(within(dialog()).getByRole('alert')).toHaveTextContent(
          'Only a program manager or the lead',
        ),
      );
      expect(within(dialog()).getByRole('textbox', { name: 'Reason' })).toHaveValue(
        'Needs the IIPT',
      );
    });
  });

  it('on CONFLICT shows what changed, keeps the input, and Retry resubmits with the new version', async () => {
    const before = awaitingDecision();
    const after = awaitingDecision({
      version: 7,
      options: [
        ...before.options,
        {
          id: 'o-c',
          label: 'C',
          title: 'Lighter radio',
          description: '',
          impacts: '',
          createdAt: '2026-03-10T14:00:00.000Z',
          createdBy: PAT,
        },
      ],
      timeline: [
        ...before.timeline,
        {
          seq: 4,
          type: 'COMMENT_ADDED',
          entityType: 'Comment',
          at: '2026-03-10T13:00:00.000Z',
          before: null,
          after: JSON.stringify({ body: 'Not a change of the record' }),
          actor: PEO,
        },
        {
          seq: 5,
          type: 'OPTION_ADDED',
          entityType: 'Option',
          at: '2026-03-10T14:00:00.000Z',
          before: null,
          after: JSON.stringify({ label: 'C', title: 'Lighter radio', version: 7 }),
          actor: PAT,
        },
      ],
    });
    let current = before;
    const attempts: unknown[] = [];
    const calls = renderIssue({
      IssueDetail: () => ({ data: { issue: current } }),
      IssueAddOption: (variables) => {
        attempts.push(variables);
        if (attempts.length === 1) {
          current = after;
          return gqlError(
            'CONFLICT',
            'Issue HX-7 changed since you read it (you had version 6, it is now 7). Reload it and try again.',
            { readVersion: 6, currentVersion: 7 },
          );
        }
        return { data: { addOption: { id: 'i7', version: 8 } } };
      },
    });
    await heading();

    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Add option' }));
    fireEvent.change(within(dialog()).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Composite mount' },
    });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Add option' }));

    const notice = await within(dialog()).findByRole('alert');
    expect(notice).toHaveTextContent('This issue changed since you opened this form');
    expect(notice).toHaveTextContent('you had version 6; it is now 7');
    const changes = within(dialog()).getByRole('list', {
      name: 'Changes since you opened this form',
    });
    const entries = within(changes)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === changes);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveTextContent('Option added');
    expect(entries[0]).toHaveTextContent('Pat Morgan');
    expect(entries[0]).toHaveTextContent('Title: Lighter radio');
    // What the person typed is kept; the page behind shows the new option already.
    expect(within(dialog()).getByRole('textbox', { name: 'Title' })).toHaveValue('Composite mount');
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Option C: Lighter radio' })).toBeInTheDocument(),
    );
    expect(within(dialog()).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(within(dialog()).queryByRole('button', { name: 'Add option' })).not.toBeInTheDocument();

    fireEvent.click(within(dialog()).getByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(attempts).toEqual([
      {
        input: {
          issueKey: 'HX-7',
          version: 6,
          title: 'Composite mount',
          description: '',
          impacts: '',
        },
      },
      {
        input: {
          issueKey: 'HX-7',
          version: 7,
          title: 'Composite mount',
          description: '',
          impacts: '',
        },
      },
    ]);
    expect(screen.getByText('Option added.')).toHaveAttribute('role', 'status');
    expect(calls.filter((c) => c.operationName === 'IssueDetail').length).toBeGreaterThanOrEqual(3);
  });

  it('follows live changes: a decision appears, is announced, and an open form keeps its input', async () => {
    const before = awaitingDecision();
    let current = before;
    renderIssue({ IssueDetail: () => ({ data: { issue: current } }) });
    await heading();

    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Add option' }));
    fireEvent.change(within(dialog()).getByRole('textbox', { name: 'Description' }), {
      target: { value: 'Half typed' },
    });

    current = awaitingDecision({
      status: 'DECIDED',
      version: 7,
      currentStage: 'RESOLUTION',
      currentStageDueAt: '2026-04-01T03:59:59.999Z',
      decisions: [
        {
          id: 'd1',
          rationale: 'Weight is a key performance parameter.',
          conditions: 'Verify at the next range slot.',
          decidedAt: '2026-03-10T14:30:00.000Z',
          dueAt: '2026-03-08T15:00:00.000Z',
          onTime: false,
          tier: 'WIPT',
          superseded: false,
          supersededAt: null,
          dissentingDisciplines: ['test'],
          option: before.options[0]!,
          decidedBy: PAT,
          team: { id: 't-wipt', name: 'Radio WIPT', tier: 'WIPT' },
          nonConcurrences: [],
          actionItems: [],
        },
      ],
    });
    announceActivity({ type: 'DECISION_RECORDED', actorName: 'Pat Morgan', version: 7 });

    expect(await screen.findByText('Pat Morgan recorded a decision')).toHaveAttribute(
      'role',
      'status',
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Decision in force: option A – Redesign the antenna mount',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Late (due 8 Mar 2026, 11:00 EDT)')).toBeInTheDocument();
    expect(screen.getByText('Favoured another option: Test & evaluation.')).toBeInTheDocument();
    expect(within(dialog()).getByRole('textbox', { name: 'Description' })).toHaveValue(
      'Half typed',
    );
  });

  it('lands on the decision a link names (#decision-<id>, as the command palette opens it)', async () => {
    const scrolled = jest.fn();
    Element.prototype.scrollIntoView = scrolled;
    const base = awaitingDecision();
    const decided = awaitingDecision({
      status: 'DECIDED',
      decisions: [
        {
          id: 'd1',
          rationale: 'Weight is a key performance parameter.',
          conditions: '',
          decidedAt: '2026-03-10T14:30:00.000Z',
          dueAt: '2026-03-08T15:00:00.000Z',
          onTime: false,
          tier: 'WIPT',
          superseded: false,
          supersededAt: null,
          dissentingDisciplines: [],
          option: base.options[0]!,
          decidedBy: PAT,
          team: { id: 't-wipt', name: 'Radio WIPT', tier: 'WIPT' },
          nonConcurrences: [],
          actionItems: [],
        },
      ],
    });
    renderIssue({ IssueDetail: answer(decided) }, { path: '/issues/hx-7#decision-d1' });
    const target = await screen.findByRole('heading', { name: /Decision in force: option A/ });
    await waitFor(() => expect(target).toHaveFocus());
    expect(target).toHaveAttribute('id', 'decision-d1');
    expect(scrolled).toHaveBeenCalledTimes(1);
  });

  it('lets the assignee mark an action item done', async () => {
    const decided = awaitingDecision({
      status: 'DECIDED',
      version: 9,
      viewerActions: ['COMMENT', 'FILE_NON_CONCURRENCE'],
      decisions: [
        {
          id: 'd1',
          rationale: 'Weight first.',
          conditions: '',
          decidedAt: '2026-03-09T14:30:00.000Z',
          dueAt: null,
          onTime: null,
          tier: 'WIPT',
          superseded: false,
          supersededAt: null,
          dissentingDisciplines: [],
          option: awaitingDecision().options[0]!,
          decidedBy: PAT,
          team: { id: 't-wipt', name: 'Radio WIPT', tier: 'WIPT' },
          nonConcurrences: [],
          actionItems: [
            {
              id: 'a1',
              title: 'Order titanium stock',
              dueAt: '2026-03-09T12:00:00.000Z',
              doneAt: null,
              assignee: ENG,
            },
            {
              id: 'a2',
              title: 'Book the range',
              dueAt: '2026-03-20T12:00:00.000Z',
              doneAt: null,
              assignee: PAT,
            },
          ],
        },
      ],
    });
    const calls = renderIssue(
      {
        IssueDetail: answer(decided),
        IssueProgramPeople: () => ({ data: { program: program({ myRole: 'MEMBER' }) } }),
        IssueCompleteActionItem: () => ({
          data: { completeActionItem: { id: 'i7', version: 10 } },
        }),
      },
      { viewer: ENG },
    );
    await heading();

    const table = screen.getByRole('table', { name: 'Action items' });
    const [, mine, theirs] = within(table).getAllByRole('row');
    expect(mine).toHaveTextContent('Overdue: overdue by 27 hours');
    expect(theirs).toHaveTextContent('Open: 9 days left');
    await waitFor(() =>
      expect(within(mine!).getByRole('button', { name: 'Mark done' })).toBeInTheDocument(),
    );
    expect(within(theirs!).queryByRole('button', { name: 'Mark done' })).not.toBeInTheDocument();

    fireEvent.click(within(mine!).getByRole('button', { name: 'Mark done' }));
    expect(await screen.findByText('Action item marked done.')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'IssueCompleteActionItem')!.variables).toEqual({
      input: { issueKey: 'HX-7', actionItemId: 'a1', version: 9 },
    });
  });

  it('adds a comment, and shows a refusal at the comment box', async () => {
    const replies = [
      gqlError('BAD_USER_INPUT', 'body must not be empty.', { field: 'body' }),
      { data: { commentOnIssue: { id: 'i7', version: 6 } } },
    ];
    const calls = renderIssue({
      IssueDetail: answer(awaitingDecision()),
      IssueComment: () => replies.shift(),
    });
    await heading();
    const box = screen.getByRole('textbox', { name: 'Comment' });

    fireEvent.change(box, { target: { value: '   x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    await waitFor(() => expect(box).toHaveAccessibleDescription('body must not be empty.'));

    fireEvent.change(box, { target: { value: 'Range slot booked for 14 April.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    await waitFor(() => expect(box).toHaveValue(''));
    expect(calls.filter((c) => c.operationName === 'IssueComment').at(-1)!.variables).toEqual({
      input: { issueKey: 'HX-7', body: 'Range slot booked for 14 April.' },
    });
  });

  it('says an issue that does not exist, or is not visible, was not found', async () => {
    renderIssue({
      IssueDetail: () =>
        gqlError('NOT_FOUND', 'Issue HX-7 does not exist or is not visible to you.'),
    });

    expect(await heading()).toHaveTextContent('Issue HX-7 not found');
    expect(
      screen.getByText('Issue HX-7 does not exist or is not visible to you.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the issues' })).toHaveAttribute(
      'href',
      '/issues',
    );
  });

  it('shows other failures with a way to try again', async () => {
    let fail = true;
    renderIssue({
      IssueDetail: () =>
        fail
          ? gqlError('UNEXPECTED_THING', 'Database unavailable.')
          : { data: { issue: awaitingDecision() } },
    });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the issue');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /Antenna mount/ }),
    ).toBeInTheDocument();
  });
});
