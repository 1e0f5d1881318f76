import '../../components/workbench.css';
import './queue.css';
import { QueueScreen } from './components/QueueScreen';
import { useNow } from '../../lib/dates';

/** The decision queue (/queue): issues ready for the signed-in person's decision. */
export function DecisionQueuePage() {
  const now = useNow();
  return (
    <>
      <title>Decision queue · IPT Coordination Dashboard</title>
      <div className="page-header">
        <h1>Decision queue</h1>
      </div>
      <QueueScreen now={now} />
    </>
  );
}
