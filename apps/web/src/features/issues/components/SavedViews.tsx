import { ErrorCode } from '@ipt/domain';
import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';
import { deleteView } from '../api/delete-view';
import { getSavedViews, type SavedView } from '../api/get-saved-views';
import { saveView } from '../api/save-view';
import { isCurrentView, viewParams, viewQuery } from '../filters';
import { useKeptQuery } from '../hooks/use-kept-query';

interface SavedViewsProps {
  programKey: string;
  /** The tracker's URL query now: what "Save view" saves. */
  params: URLSearchParams;
  /** Show a saved view: its URL query. */
  onApply: (params: URLSearchParams) => void;
}

/** The signed-in user's own named views: apply one, save the current one, delete one. */
export function SavedViews({ programKey, params, onApply }: SavedViewsProps) {
  const id = useId();
  const views = useKeptQuery(useCallback((signal: AbortSignal) => getSavedViews(signal), []));
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [deleteError, setDeleteError] = useState<GraphQLRequestError | null>(null);
  const saveButton = useRef<HTMLButtonElement>(null);

  const list = views.status === 'success' ? views.data : [];
  const current = list.find((view) => isCurrentView(view, params, programKey)) ?? null;

  function apply(viewId: string) {
    const view = list.find((v) => v.id === viewId);
    if (!view) return;
    onApply(viewParams(view, programKey));
    setAnnouncement(`Showing view “${view.name}”.`);
  }

  async function remove(view: SavedView) {
    setDeleteError(null);
    try {
      await deleteView(view.id);
      setAnnouncement(`Deleted view “${view.name}”.`);
      views.reload();
    } catch (error) {
      setDeleteError(toRequestError(error));
    }
  }

  function closeForm(saved?: SavedView) {
    setSaving(false);
    if (saved) {
      setAnnouncement(`Saved view “${saved.name}”.`);
      views.reload();
    }
    saveButton.current?.focus();
  }

  return (
    <div className="issues-views">
      <div className="issues-views__row">
        <div className="field issues-filters__field">
          <label htmlFor={`${id}-views`}>Saved views</label>
          <select
            id={`${id}-views`}
            value={current?.id ?? ''}
            disabled={views.status !== 'success'}
            onChange={(event) => apply(event.target.value)}
          >
            <option value="">
              {views.status === 'loading'
                ? 'Loading views…'
                : list.length === 0
                  ? 'No saved views yet'
                  : 'Choose a view'}
            </option>
            {list.map((view) => (
              <option key={view.id} value={view.id}>
                {view.programKey && view.programKey !== programKey
                  ? `${view.name} (${view.programKey})`
                  : view.name}
              </option>
            ))}
          </select>
        </div>
        <button
          ref={saveButton}
          type="button"
          className="button button--secondary"
          aria-expanded={saving}
          onClick={() => setSaving((open) => !open)}
        >
          Save view
        </button>
        {current ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void remove(current)}
          >
            Delete view
          </button>
        ) : null}
        <p className="issues-visually-hidden" role="status">
          {announcement}
        </p>
      </div>
      {views.status === 'error' ? (
        <p className="form__error" role="alert">
          Could not load your saved views: {views.error.message}{' '}
          <button type="button" className="button button--secondary" onClick={views.reload}>
            Try again
          </button>
        </p>
      ) : null}
      {deleteError ? (
        <p className="form__error" role="alert">
          Could not delete the view: {deleteError.message}
        </p>
      ) : null}
      {saving ? (
        <SaveViewForm
          programKey={programKey}
          query={viewQuery(params)}
          initialName={current?.name ?? ''}
          existingNames={list.map((view) => view.name)}
          onDone={closeForm}
        />
      ) : null}
    </div>
  );
}

function SaveViewForm({
  programKey,
  query,
  initialName,
  existingNames,
  onDone,
}: {
  programKey: string;
  query: string;
  initialName: string;
  existingNames: readonly string[];
  onDone: (saved?: SavedView) => void;
}) {
  const id = useId();
  const [name, setName] = useState(initialName);
  const [submitting, setSubmitting] = useState(false);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const replaces = existingNames.includes(name.trim());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setFormError(null);
    if (!name.trim()) {
      setNameProblem('Give the view a name.');
      return;
    }
    setSubmitting(true);
    setNameProblem(null);
    try {
      onDone(await saveView({ name: name.trim(), programKey, query }));
    } catch (caught) {
      const error = toRequestError(caught);
      if (error.code === ErrorCode.BAD_USER_INPUT && error.field === 'name') {
        setNameProblem(error.message);
      } else {
        setFormError(error.message);
      }
      setSubmitting(false);
    }
  }

  return (
    <form
      className="issues-save-view"
      aria-label="Save view"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
      aria-busy={submitting}
    >
      {formError ? (
        <p className="form__error" role="alert">
          Could not save the view: {formError}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-name`}>View name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={80}
          autoFocus
          aria-invalid={nameProblem ? true : undefined}
          aria-describedby={nameProblem ? `${id}-error` : replaces ? `${id}-hint` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {nameProblem ? (
          <p id={`${id}-error`} className="issues-field-error">
            {nameProblem}
          </p>
        ) : replaces ? (
          <p id={`${id}-hint`} className="muted issues-field-hint">
            Saving replaces your view of this name.
          </p>
        ) : null}
      </div>
      <div className="issues-save-view__actions">
        <button type="submit" className="button" disabled={submitting}>
          Save
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
