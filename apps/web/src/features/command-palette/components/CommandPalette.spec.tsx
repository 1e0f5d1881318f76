import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { restoreFetch, stubGraphQL, type GraphQLCall } from '../../../test/graphql-stub';
import { CommandPalette } from './CommandPalette';

function issue(key: string, title: string) {
  return { id: key, key, title, status: 'OPEN' };
}

function answer(issues: ReturnType<typeof issue>[]) {
  return { data: { search: { issues, decisions: [] } } };
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.hash}</p>;
}

function renderPalette(onClose = jest.fn()) {
  const goneToIssues = jest.fn();
  render(
    <MemoryRouter initialEntries={['/dashboard']}>
      <Routes>
        <Route
          path="*"
          element={
            <>
              <CommandPalette
                commands={[{ id: 'issues', label: 'Go to Issues', run: goneToIssues }]}
                programKey="HX"
                onClose={onClose}
              />
              <Where />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
  return { onClose, goneToIssues };
}

const field = () => screen.getByRole('combobox');
const searches = (calls: GraphQLCall[]) =>
  calls.filter((call) => call.operationName === 'PaletteSearch').map((call) => call.variables);

afterEach(restoreFetch);

describe('the command palette', () => {
  it('is a combobox in a dialog, listing the screens before anything is typed', async () => {
    stubGraphQL({});
    renderPalette();
    await act(async () => undefined);
    expect(
      screen.getByRole('dialog', { name: 'Go to an issue, decision or screen' }),
    ).toBeVisible();
    expect(field()).toHaveFocus();
    expect(field()).toHaveAttribute('aria-expanded', 'true');
    const option = screen.getByRole('option', { name: 'Go to Issues' });
    expect(option).toHaveAttribute('aria-selected', 'true');
    expect(field()).toHaveAttribute('aria-activedescendant', option.id);
  });

  it('asks the API once per pause in typing, for the program it was given', async () => {
    const calls = stubGraphQL({
      PaletteSearch: () => answer([issue('HX-7', 'Radio mast corrosion')]),
    });
    renderPalette();
    for (const text of ['r', 'ra', 'rad', 'radio'])
      fireEvent.change(field(), { target: { value: text } });
    await screen.findByRole('option', { name: 'HX-7 Radio mast corrosion Open' });
    expect(searches(calls)).toEqual([{ programKey: 'HX', query: 'radio', first: 8 }]);
    expect(screen.getByRole('status')).toHaveTextContent('1 issue and 0 decisions in HX');
  });

  it('never shows a slow answer to an earlier query', async () => {
    let answerAlpha: (value: unknown) => void = () => undefined;
    const calls = stubGraphQL({
      PaletteSearch: (variables) =>
        variables?.['query'] === 'alpha'
          ? new Promise((resolve) => (answerAlpha = resolve))
          : answer([issue('HX-2', 'Beta test plan')]),
    });
    renderPalette();
    fireEvent.change(field(), { target: { value: 'alpha' } });
    await waitFor(() => expect(searches(calls)).toHaveLength(1));
    fireEvent.change(field(), { target: { value: 'beta' } });
    await screen.findByRole('option', { name: /^HX-2 Beta test plan/ });
    await act(async () => answerAlpha(answer([issue('HX-1', 'Alpha antenna')])));
    expect(screen.queryByRole('option', { name: /Alpha antenna/ })).not.toBeInTheDocument();
    expect(screen.getByRole('option', { name: /^HX-2 Beta test plan/ })).toBeInTheDocument();
  });

  it('moves with the arrow keys and opens the active issue with Enter', async () => {
    stubGraphQL({
      PaletteSearch: () =>
        answer([issue('HX-7', 'Radio mast corrosion'), issue('HX-9', 'Radio firmware')]),
    });
    const { onClose } = renderPalette();
    fireEvent.change(field(), { target: { value: 'radio' } });
    const second = await screen.findByRole('option', { name: /^HX-9 Radio firmware/ });
    fireEvent.keyDown(field(), { key: 'ArrowDown' });
    expect(second).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(field(), { key: 'ArrowDown' });
    // From the last option down wraps to the first.
    expect(screen.getByRole('option', { name: /^HX-7/ })).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(field(), { key: 'ArrowUp' });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(screen.getByTestId('where')).toHaveTextContent('/issues/HX-9');
    expect(onClose).toHaveBeenCalled();
  });

  it('runs a screen command, and closes on Escape', async () => {
    stubGraphQL({ PaletteSearch: () => answer([]) });
    const { onClose, goneToIssues } = renderPalette();
    await act(async () => undefined);
    fireEvent.change(field(), { target: { value: 'issues' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(goneToIssues).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(field(), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
