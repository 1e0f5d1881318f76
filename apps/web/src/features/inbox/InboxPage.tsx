import '../../components/workbench.css';
import './inbox.css';
import { InboxScreen } from './components/InboxScreen';
import { useNow } from '../../lib/dates';

/** My inbox (/inbox): the recommendations waiting on the signed-in person's disciplines. */
export function InboxPage() {
  const now = useNow();
  return (
    <>
      <title>Inbox · IPT Coordination Dashboard</title>
      <div className="page-header">
        <h1>Inbox</h1>
      </div>
      <InboxScreen now={now} />
    </>
  );
}
