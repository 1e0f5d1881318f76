// The clock lives in the web's one dates module; the issue page's names for it.
export { ClockContext as IssueClockContext, useNow } from '../../lib/dates';
