import { render, screen } from '@testing-library/react';
import type { DecisionForecastData } from '../forecast-reading';
import { DecisionForecast } from './DecisionForecast';

const ZONE = 'America/New_York';

function forecast(over: Partial<DecisionForecastData> = {}): DecisionForecastData {
  return {
    p50At: '2026-03-12T15:00:00.000Z',
    p90At: '2026-03-20T15:00:00.000Z',
    basis: 'AUTHORITY',
    basisLabel: '14 past decisions of WIPT Airframe',
    basisCount: 14,
    dueAt: '2026-03-16T03:59:59.999Z',
    ...over,
  };
}

describe(DecisionForecast.name, () => {
  it('gives the likely and the latest date, and the history they rest on', () => {
    const { container } = render(<DecisionForecast forecast={forecast()} timeZone={ZONE} />);
    expect(container).toHaveTextContent(
      'Likely decided by 12 Mar 2026 (p50), 20 Mar 2026 at the latest (p90) — from 14 past decisions of WIPT Airframe.',
    );
    expect(container).toHaveTextContent('Based on this authority’s own record: 14 past decisions.');
    // p50 before the due date: no flag, but the p90 after it is said.
    expect(screen.queryByText('Likely after its due date')).not.toBeInTheDocument();
    expect(container).toHaveTextContent('May slip past its due date (15 Mar 2026)');
  });

  it('flags in words when even odds put the decision after its due date', () => {
    const { container } = render(
      <DecisionForecast
        forecast={forecast({ dueAt: '2026-03-10T15:00:00.000Z' })}
        timeZone={ZONE}
      />,
    );
    expect(screen.getByText('Likely after its due date')).toBeInTheDocument();
    expect(container).toHaveTextContent('Likely after its due date (10 Mar 2026).');
    expect(container.firstChild).toHaveClass('decision-forecast--late');
  });

  it('names a wider basis when the authority has too little history of its own', () => {
    const { container, rerender } = render(
      <DecisionForecast
        forecast={forecast({
          basis: 'TIER',
          basisCount: 9,
          basisLabel: '9 past WIPT decisions (too few of WIPT Airframe)',
        })}
        timeZone={ZONE}
      />,
    );
    expect(container).toHaveTextContent('— from 9 past WIPT decisions (too few of WIPT Airframe).');
    expect(container).toHaveTextContent('Based on its tier’s record: 9 past decisions.');

    rerender(
      <DecisionForecast
        forecast={forecast({
          basis: 'PROGRAM',
          basisCount: 31,
          basisLabel: '31 past decisions across the program (too few of WIPT Airframe or WIPT)',
        })}
        timeZone={ZONE}
      />,
    );
    expect(container).toHaveTextContent('Based on the whole program’s record: 31 past decisions.');
  });

  it('says there is no forecast yet when there is too little history', () => {
    const { container } = render(
      <DecisionForecast
        forecast={forecast({
          basis: 'NONE',
          basisCount: 0,
          p50At: null,
          p90At: null,
          basisLabel: 'Too few past decisions to forecast from',
        })}
        timeZone={ZONE}
      />,
    );
    expect(container).toHaveTextContent(
      'No forecast yet: too few past decisions to forecast from.',
    );
    expect(container).not.toHaveTextContent('Likely');
  });

  it('leaves the basis line out in the compact form', () => {
    const { container } = render(
      <DecisionForecast forecast={forecast()} timeZone={ZONE} compact />,
    );
    expect(container).toHaveTextContent('Likely decided by 12 Mar 2026');
    expect(container).not.toHaveTextContent('Based on');
  });

  it('in the compact form flags a late forecast without repeating the due date', () => {
    const { container } = render(
      <DecisionForecast
        forecast={forecast({ dueAt: '2026-03-10T15:00:00.000Z' })}
        timeZone={ZONE}
        compact
      />,
    );
    expect(container).toHaveTextContent('Likely after its due date.');
    expect(container).not.toHaveTextContent('Mar 10');
  });
});
