import { useQuery } from '../../../lib/use-query';
import { Navigate } from 'react-router';
import { Loading } from '../../../components/Loading';
import { getDashboardPrograms } from '../api/get-dashboard-programs';

/**
 * `/`: a program manager lands on the dashboard of the first program they manage; everyone else
 * (and anyone whose programs could not be read) on the issue tracker.
 */
export function LandingRedirect() {
  const programs = useQuery(getDashboardPrograms);
  if (programs.status === 'loading') return <Loading />;
  const managed =
    programs.status === 'success'
      ? programs.data.find((program) => program.myRole === 'PROGRAM_MANAGER')
      : undefined;
  const to = managed ? `/dashboard?program=${encodeURIComponent(managed.key)}` : '/issues';
  return <Navigate to={to} replace />;
}
