import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { useQuery } from '../lib/use-query';
import { restoreFetch, stubGraphQL, type OperationHandler } from '../test/graphql-stub';
import { LandingRedirect } from './LandingRedirect';
import { WorkContext, getMyWork } from './work';

afterEach(restoreFetch);

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** The signed-in frame's part that matters here: it loads the person's work for the landing. */
function Frame() {
  const work = useQuery(getMyWork);
  return (
    <WorkContext.Provider value={work}>
      <LandingRedirect />
    </WorkContext.Provider>
  );
}

function renderLanding() {
  render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route index element={<Frame />} />
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

const programs =
  (...list: ReturnType<typeof program>[]): OperationHandler =>
  () => ({
    data: { programs: list },
  });
const work =
  (landing: string): OperationHandler =>
  () => ({
    data: { myWork: { landing, screens: [landing] } },
  });

describe(LandingRedirect.name, () => {
  it('lands a program manager on the dashboard of the program they manage', async () => {
    stubGraphQL({
      MyWork: work('DASHBOARD'),
      DashboardPrograms: programs(program('AB', 'MEMBER'), program('HX', 'PROGRAM_MANAGER')),
    });
    expect(await renderLanding()).toHaveTextContent('/dashboard?program=HX');
  });

  it.each([
    ['a decision authority', 'QUEUE', '/queue'],
    ['a representative', 'INBOX', '/inbox'],
    ['a system admin', 'SETUP', '/setup'],
    ['anyone else', 'ISSUES', '/issues'],
  ])('lands %s where their work is', async (_who, landing, path) => {
    stubGraphQL({ MyWork: work(landing), DashboardPrograms: programs(program('HX', 'MEMBER')) });
    expect((await renderLanding()).textContent).toBe(path);
  });

  it('falls back on the programs when the work cannot be read', async () => {
    stubGraphQL({
      MyWork: () => ({ status: 502, body: 'Bad gateway' }),
      DashboardPrograms: programs(program('HX', 'PROGRAM_MANAGER')),
    });
    expect(await renderLanding()).toHaveTextContent('/dashboard?program=HX');
  });

  it('falls back to the tracker when nothing can be read', async () => {
    stubGraphQL({
      MyWork: () => ({ status: 502, body: 'Bad gateway' }),
      DashboardPrograms: () => ({ status: 502, body: 'Bad gateway' }),
    });
    expect((await renderLanding()).textContent).toBe('/issues');
  });
});
