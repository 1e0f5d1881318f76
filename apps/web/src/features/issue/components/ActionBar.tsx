import { offeredActions, type IssueAction } from '../actions';

interface ActionBarProps {
  viewerActions: readonly string[];
  onOpen: (action: IssueAction) => void;
}

/** Exactly the actions the API says the signed-in person may take on the issue now. */
export function ActionBar({ viewerActions, onOpen }: ActionBarProps) {
  const offered = offeredActions(viewerActions);
  if (offered.length === 0) {
    return (
      <p className="issue-actions__none muted">No actions on this issue are yours to take now.</p>
    );
  }
  return (
    <div className="issue-actions" role="group" aria-label="Actions on this issue">
      {offered.map(({ action, label, primary }) => (
        <button
          key={action}
          type="button"
          className={primary ? 'button' : 'button button--secondary'}
          onClick={() => onOpen(action)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
