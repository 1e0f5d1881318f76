import { useId, useRef, type KeyboardEvent } from 'react';
import { SHORTCUTS } from '../shortcuts';
import { trapTab, useReturnFocus } from './dialog-focus';
import '../command-palette.css';

/** `?`: every keyboard shortcut, in a modal dialog that Escape or its button closes. */
export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useReturnFocus(close);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab' && panel.current) {
      trapTab(event, panel.current);
    }
  }

  return (
    <div
      className="palette__backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        className="palette shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={handleKeyDown}
      >
        <div className="palette__header">
          <h2 id={titleId} className="palette__title">
            Keyboard shortcuts
          </h2>
          <button ref={close} type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="palette__status">
          Shortcuts work anywhere outside a text field and while no dialog is open.
        </p>
        <table className="shortcuts__table">
          <caption className="shortcuts__caption">Keys and what they do</caption>
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.does}>
                <td>
                  {shortcut.keys.map((key, index) => (
                    <span key={key}>
                      {index > 0 ? (
                        <span className="shortcuts__then">
                          {shortcut.alternatives ? ' or ' : ' then '}
                        </span>
                      ) : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </td>
                <td>{shortcut.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
