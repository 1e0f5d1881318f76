import { MyDecisions } from './components/MyDecisions';

/** /leadership ("My decisions"): decisions waiting on me, with forecasts, and my timeliness. */
export function LeadershipPage() {
  return (
    <>
      <title>My decisions · IPT Coordination Dashboard</title>
      <MyDecisions />
    </>
  );
}
