/**
 * What other screens may use of the dashboard feature: the programs the person may see, the
 * forecast table and the filters and figures the leadership screen shares with it.
 */
// The forecast table is styled by the dashboard's sheet, so whoever shows it loads the sheet too.
import './dashboard.css';

export { getDashboardPrograms, type DashboardProgramSummary } from './api/get-dashboard-programs';
export { ForecastTable } from './components/ForecastTable';
export { DASHBOARD_PARAM, endOfLocalDay, isLocalDate, replayedDay } from './filters';
export { formatDays, formatRate } from './format';
