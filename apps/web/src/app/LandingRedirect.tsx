import { Screen } from '@ipt/domain';
import { Navigate } from 'react-router';
import { Loading } from '../components/Loading';
import { getDashboardPrograms } from '../features/dashboard/api/get-dashboard-programs';
import { useQuery } from '../lib/use-query';
import { pathOf } from './navigation';
import { useWork } from './work';

/**
 * `/`: each person lands where their work is (libs/domain work.ts): a program manager on the
 * dashboard of the first program they manage, a decision authority on the decision queue, a
 * representative on the inbox. When their work cannot be read: a program manager still on the
 * dashboard, anyone else on the tracker.
 */
export function LandingRedirect() {
  const work = useWork();
  const programs = useQuery(getDashboardPrograms);
  if (work.status === 'loading' || programs.status === 'loading') return <Loading />;
  const managed =
    programs.status === 'success'
      ? programs.data.find((program) => program.myRole === 'PROGRAM_MANAGER')
      : undefined;
  const landing =
    work.status === 'success' ? work.data.landing : managed ? Screen.DASHBOARD : Screen.ISSUES;
  const to =
    landing === Screen.DASHBOARD && managed
      ? `/dashboard?program=${encodeURIComponent(managed.key)}`
      : pathOf(landing);
  return <Navigate to={to} replace />;
}
