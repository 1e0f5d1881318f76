import { useCallback } from 'react';
import { useKeptData } from '../../../lib/use-kept-data';
import { useQuery } from '../../../lib/use-query';
import { getTimelinessReport } from '../api/get-timeliness';
import { toReportVariables, type DashboardFilters } from '../filters';

/**
 * The report for a program under the filters, once its time zone is known (local dates become
 * instants in it). The last report stays on screen while the next one loads.
 */
export function useTimelinessReport(
  programKey: string | null,
  filters: DashboardFilters,
  timeZone: string | null,
  today: string | null,
) {
  // The arguments as text: a new request only when they really change.
  const variablesKey =
    programKey && timeZone
      ? JSON.stringify(toReportVariables(programKey, filters, timeZone, today))
      : null;
  const load = useCallback(
    (signal: AbortSignal) =>
      variablesKey ? getTimelinessReport(JSON.parse(variablesKey), signal) : Promise.resolve(null),
    [variablesKey],
  );
  const report = useQuery(load);
  const shown = useKeptData(report);
  return { report, shown };
}
