import { ActionItemStanding, actionItemStanding } from '@ipt/domain';
import type { IssueDecision, IssueDetail } from '../api/get-issue';
import { mayCompleteActionItem } from '../actions';
import { timeLeft } from '../due';
import { formatDateTime, formatDay } from '../../../lib/dates';

export interface ActionItemControls {
  viewerId: string | null;
  viewerRole: string | null | undefined;
  /** The item being marked done now. */
  busyId: string | null;
  /** A refusal to show beside the item. */
  error: { itemId: string; message: string } | null;
  onComplete: (itemId: string) => void;
}

interface ActionItemsTableProps {
  decision: IssueDecision;
  issue: IssueDetail;
  now: Date;
  controls: ActionItemControls;
}

export function ActionItemsTable({ decision, issue, now, controls }: ActionItemsTableProps) {
  const tz = issue.program.timeZone;
  if (decision.actionItems.length === 0) {
    return <p className="issue-meta">No action items.</p>;
  }
  const offers = decision.actionItems.map((item) =>
    mayCompleteActionItem({
      status: issue.status,
      issue: { currentTeamId: issue.currentTeam.id, ownerId: issue.owner?.id ?? null },
      decisionSuperseded: decision.superseded,
      doneAt: item.doneAt,
      assigneeId: item.assignee.id,
      viewerId: controls.viewerId,
      viewerRole: controls.viewerRole,
    }),
  );
  const anyOffer = offers.some(Boolean);
  return (
    <div
      className="table-scroll issue-action-items"
      role="region"
      aria-label={`Action items of the decision of ${formatDateTime(decision.decidedAt, tz)}`}
      tabIndex={0}
    >
      <table className="table">
        <caption>
          Action items
          {decision.superseded ? ' (no longer binding: the decision was superseded)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Action item</th>
            <th scope="col">Assignee</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            {anyOffer ? (
              <th scope="col">
                <span className="issue-sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {decision.actionItems.map((item, index) => {
            const standing = actionItemStanding(
              {
                dueAt: new Date(item.dueAt),
                doneAt: item.doneAt ? new Date(item.doneAt) : null,
                decisionSuperseded: decision.superseded,
                issueStatus: issue.status,
              },
              now,
            );
            const left = timeLeft(item.dueAt, now);
            const error = controls.error?.itemId === item.id ? controls.error.message : null;
            return (
              <tr key={item.id}>
                <th scope="row" id={`action-item-${item.id}`}>
                  {item.title}
                </th>
                <td>{item.assignee.name}</td>
                <td>
                  <time dateTime={item.dueAt} title={formatDateTime(item.dueAt, tz)}>
                    {formatDay(item.dueAt, tz)}
                  </time>
                </td>
                <td>
                  {item.doneAt ? (
                    <span className="issue-lateness issue-lateness--on-time">
                      Done{' '}
                      <time dateTime={item.doneAt} title={formatDateTime(item.doneAt, tz)}>
                        {formatDay(item.doneAt, tz)}
                      </time>
                    </span>
                  ) : standing === ActionItemStanding.SUPERSEDED ? (
                    <span className="issue-lateness muted">No longer binding</span>
                  ) : standing === ActionItemStanding.DROPPED ? (
                    <span className="issue-lateness muted">
                      Not done: the issue was{' '}
                      {issue.status === 'WITHDRAWN' ? 'withdrawn' : 'closed'}
                    </span>
                  ) : standing === ActionItemStanding.OVERDUE ? (
                    <span className="issue-lateness issue-lateness--late">
                      Overdue: {left.text}
                    </span>
                  ) : (
                    <span className="issue-lateness">Open: {left.text}</span>
                  )}
                </td>
                {anyOffer ? (
                  <td>
                    {offers[index] ? (
                      <button
                        type="button"
                        className="button button--secondary issue-button--small"
                        disabled={controls.busyId === item.id}
                        aria-describedby={
                          error
                            ? `action-item-${item.id} action-item-error-${item.id}`
                            : `action-item-${item.id}`
                        }
                        onClick={() => controls.onComplete(item.id)}
                      >
                        Mark done
                      </button>
                    ) : null}
                    {error ? (
                      <p
                        id={`action-item-error-${item.id}`}
                        className="issue-field__error"
                        role="alert"
                      >
                        {error}
                      </p>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
