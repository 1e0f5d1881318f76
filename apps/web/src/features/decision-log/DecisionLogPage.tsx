import '../../components/workbench.css';
import './decision-log.css';
import { useNow } from '../../lib/dates';
import { LogScreen } from './components/LogScreen';

/** The decision log (/decisions): every decision the user can see, searchable and exportable. */
export function DecisionLogPage() {
  const now = useNow(60_000);
  return (
    <>
      <title>Decision log · IPT Coordination Dashboard</title>
      <LogScreen now={now} />
    </>
  );
}
