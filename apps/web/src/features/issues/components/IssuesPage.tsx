import '../issues.css';
import { IssueTracker } from './IssueTracker';

/** /issues: the issue tracker (its logic and tests live in IssueTracker). */
export function IssuesPage() {
  return (
    <>
      <title>Issues · IPT Coordination Dashboard</title>
      <IssueTracker />
    </>
  );
}
