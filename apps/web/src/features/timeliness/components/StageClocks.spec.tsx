import { render, screen, within } from '@testing-library/react';
import type { StageClockData } from '../clock-reading';
import { RunningStageClock, StageClocks } from './StageClocks';

const ZONE = 'America/New_York';
const NOW = new Date('2026-03-10T15:00:00.000Z');

const clock = (stage: StageClockData['stage'], over: Partial<StageClockData> = {}) =>
  ({
    stage,
    state: 'NOT_STARTED',
    startedAt: null,
    dueAt: null,
    dueSource: null,
    finishedAt: null,
    elapsedDays: 0,
    lateByDays: 0,
    ...over,
  }) satisfies StageClockData;

const clocks: StageClockData[] = [
  clock('TRIAGE', {
    state: 'FINISHED',
    startedAt: '2026-03-01T14:00:00.000Z',
    dueAt: '2026-03-02T14:00:00.000Z',
    dueSource: 'POLICY',
    finishedAt: '2026-03-04T14:00:00.000Z',
    elapsedDays: 3,
    lateByDays: 2,
  }),
  clock('RECOMMENDATIONS', {
    state: 'RUNNING',
    startedAt: '2026-03-04T14:00:00.000Z',
    dueAt: '2026-03-13T03:59:59.999Z',
    dueSource: 'MANUAL',
    elapsedDays: 6,
  }),
  clock('DECISION'),
  clock('RESOLUTION', { dueAt: '2026-04-30T03:59:59.999Z', dueSource: 'MANUAL' }),
];

function stage(name: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Stage clocks' });
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => li.querySelector('.stage-clock__name')?.textContent === name);
  if (!item) throw new Error(`No stage ${name}`);
  return item;
}

describe(StageClocks.name, () => {
  it('lists the four stages in order, the running one marked as the current step', () => {
    render(<StageClocks clocks={clocks} timeZone={ZONE} now={NOW} />);

    const items = within(screen.getByRole('list', { name: 'Stage clocks' })).getAllByRole(
      'listitem',
    );
    expect(items).toHaveLength(4);
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual([null, 'step', null, null]);
  });

  it('says a finished stage was late in words, with when it started, was due and finished', () => {
    render(<StageClocks clocks={clocks} timeZone={ZONE} now={NOW} />);

    const triage = stage('Triage');
    expect(triage).toHaveTextContent('Finished, took 3 days');
    expect(triage).toHaveTextContent('Started1 Mar 2026');
    expect(triage).toHaveTextContent('Due2 Mar 2026 policy');
    expect(triage).toHaveTextContent('Finished4 Mar 2026');
    // Not colour alone: the words say it.
    expect(within(triage).getByText('Late by 2 days')).toBeInTheDocument();
    expect(triage).toHaveClass('stage-clock--late');
  });

  it('marks a date set by hand, and reads a running clock at "now"', () => {
    render(<StageClocks clocks={clocks} timeZone={ZONE} now={NOW} />);

    const recommendations = stage('Recommendations');
    expect(recommendations).toHaveTextContent('Running, 6 days so far');
    expect(recommendations).toHaveTextContent('Due12 Mar 2026 set by hand');
    expect(recommendations).toHaveTextContent('2 days left');
    expect(recommendations).not.toHaveTextContent('Late');
  });

  it('says a stage has not started, and when its date will come', () => {
    render(<StageClocks clocks={clocks} timeZone={ZONE} now={NOW} />);

    expect(stage('Decision')).toHaveTextContent('Not started');
    expect(stage('Decision')).toHaveTextContent('DueSet when it starts');
    expect(stage('Decision')).not.toHaveTextContent('Started');
    expect(stage('Resolution')).toHaveTextContent('Due29 Apr 2026 set by hand');
  });

  it('shows dates in the program’s zone, whatever the reader’s', () => {
    const late = clock('DECISION', {
      state: 'RUNNING',
      startedAt: '2026-03-10T02:00:00.000Z',
      dueAt: '2026-03-10T03:00:00.000Z',
      dueSource: 'POLICY',
    });
    render(<StageClocks clocks={[late]} timeZone="Asia/Tokyo" now={NOW} />);
    // 02:00 UTC is 11:00 the same day in Tokyo; the same instant is still 9 March in New York.
    expect(stage('Decision')).toHaveTextContent('Started10 Mar 2026');
    expect(stage('Decision')).toHaveTextContent('Late by 12 hours');
  });

  it('uses the API’s figures when no "now" is given', () => {
    const running = clock('DECISION', {
      state: 'RUNNING',
      startedAt: '2026-03-01T14:00:00.000Z',
      dueAt: '2026-03-03T14:00:00.000Z',
      dueSource: 'POLICY',
      elapsedDays: 5.5,
      lateByDays: 3.5,
    });
    render(<StageClocks clocks={[running]} timeZone={ZONE} />);
    expect(stage('Decision')).toHaveTextContent('Running, 5 days so far');
    expect(stage('Decision')).toHaveTextContent('Late by 3 days');
  });
});

describe(RunningStageClock.name, () => {
  it('shows only the running stage on one line, late in words', () => {
    const late = clocks.map((c) =>
      c.stage === 'RECOMMENDATIONS' ? { ...c, dueAt: '2026-03-08T03:59:59.999Z' } : c,
    );
    const { container } = render(<RunningStageClock clocks={late} timeZone={ZONE} now={NOW} />);
    expect(container).toHaveTextContent(
      'Recommendations: 6 days so far · due 7 Mar 2026 set by hand · ⚠ Late by 2 days',
    );
    expect(container).not.toHaveTextContent('Triage');
  });

  it('can leave the date to the screen around it, keeping who set it', () => {
    const { container } = render(
      <RunningStageClock clocks={clocks} timeZone={ZONE} now={NOW} showDueDate={false} />,
    );
    expect(container).toHaveTextContent('Recommendations: 6 days so far · due date: set by hand');
    expect(container).not.toHaveTextContent('Mar 12');
  });

  it('says so when no clock runs', () => {
    const { container } = render(
      <RunningStageClock clocks={[clock('TRIAGE'), clock('DECISION')]} timeZone={ZONE} />,
    );
    expect(container).toHaveTextContent('No stage clock running');
  });
});
