export interface NoticeMessage {
  kind: 'success' | 'warning';
  text: string;
}

/**
 * The outcome of the last change in a section: a success is announced politely, a warning (for
 * example a save refused because someone else saved first) at once. The status region is always
 * rendered so screen readers pick up its changes.
 */
export function Notice({
  notice,
  onDismiss,
}: {
  notice: NoticeMessage | null;
  onDismiss: () => void;
}) {
  return (
    <>
      <div role="status" className="setup-notice-region">
        {notice?.kind === 'success' ? (
          <p className="setup-notice setup-notice--success">
            <span>{notice.text}</span>
            <button type="button" className="setup-link-button" onClick={onDismiss}>
              Dismiss
            </button>
          </p>
        ) : null}
      </div>
      {notice?.kind === 'warning' ? (
        <p className="setup-notice setup-notice--warning" role="alert">
          <span>{notice.text}</span>
          <button type="button" className="setup-link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      ) : null}
    </>
  );
}
