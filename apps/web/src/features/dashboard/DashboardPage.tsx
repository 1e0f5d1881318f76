import './dashboard.css';
import { ProgramDashboard } from './components/ProgramDashboard';

/** /dashboard: a program's timeliness at a glance (the program manager's landing page). */
export function DashboardPage() {
  return (
    <>
      <title>Dashboard · IPT Coordination Dashboard</title>
      <ProgramDashboard />
    </>
  );
}
