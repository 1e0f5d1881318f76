import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import { LandingRedirect } from './LandingRedirect';

afterEach(restoreFetch);

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function renderLanding() {
  render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route index element={<LandingRedirect />} />
        <Route path="*" element={<Location />} />
      </Routes>
    </MemoryRouter>,
  );
  return screen.findByTestId('location');
}

const program = (key: string, myRole: string | null) => ({
  id: key,
  key,
  name: key,
  timeZone: 'UTC',
  myRole,
});

describe(LandingRedirect.name, () => {
  it('lands a program manager on the dashboard of the program they manage', async () => {
    stubGraphQL({
      DashboardPrograms: () => ({
        data: { programs: [program('AB', 'MEMBER'), program('HX', 'PROGRAM_MANAGER')] },
      }),
    });
    expect(await renderLanding()).toHaveTextContent('/dashboard?program=HX');
  });

  it('lands everyone else on the issue tracker', async () => {
    stubGraphQL({
      DashboardPrograms: () => ({
        data: { programs: [program('HX', 'MEMBER'), program('AB', null)] },
      }),
    });
    expect(await renderLanding()).toHaveTextContent(/^\/issues$/);
  });

  it('falls back to the tracker when the programs cannot be read', async () => {
    stubGraphQL({ DashboardPrograms: () => ({ status: 502, body: 'Bad gateway' }) });
    expect(await renderLanding()).toHaveTextContent(/^\/issues$/);
  });
});
