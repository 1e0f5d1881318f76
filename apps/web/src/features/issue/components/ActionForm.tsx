import { ErrorCode } from '@ipt/domain';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';
import { confirmDiscard, useLeaveGuard } from '../../../lib/leave-guard';
import type { IssueTimelineEvent } from '../api/get-issue';
import type { IssueChange } from '../api/types';
import { changesSince } from '../timeline';
import { ConflictNotice } from './ConflictNotice';
import { Dialog } from './Dialog';
import type { FormEnv } from './form-env';

const NOTHING_TYPED = () => false;

export type ClientErrors = Readonly<Record<string, string>>;

export interface FormContext {
  /** The message to show at a field: the form's own check, or the API's error naming it. */
  fieldError: (field: string) => string | undefined;
}

interface ActionFormProps {
  env: FormEnv;
  title: string;
  submitLabel: string;
  /** Said when it succeeds ("Decision recorded."). */
  doneMessage: string;
  intro?: ReactNode;
  /** Whether an API error about this field is shown at one of this form's fields. */
  ownsField: (field: string) => boolean;
  /** Checks before anything is sent: field -> message. */
  validate?: () => Readonly<Record<string, string | undefined>>;
  /** Sends the change as read at `version`. */
  submit: (version: number) => Promise<IssueChange>;
  /** Why it cannot be submitted now (e.g. the program's people did not load). */
  blocked?: ReactNode;
  /** What is typed, kept until sent or discarded (useDraft): closing with some asks first. */
  draft?: { dirty: boolean; isDirty: () => boolean; clear: () => void };
  children: (form: FormContext) => ReactNode;
}

interface Conflict {
  /** The version the person had. */
  readVersion: number;
  /** The version to retry with. */
  currentVersion: number;
  changes: IssueTimelineEvent[];
}

/**
 * One action on the issue, in a dialog: the fields, the submit button, errors at the field they
 * concern (or in an alert), and the CONFLICT flow: when the issue changed since the form opened it
 * shows what changed, keeps what was typed and offers Retry (with the new version) or Cancel.
 */
export function ActionForm({
  env,
  title,
  submitLabel,
  doneMessage,
  intro,
  ownsField,
  validate,
  submit,
  blocked,
  draft,
  children,
}: ActionFormProps) {
  useLeaveGuard(draft?.isDirty ?? NOTHING_TYPED);
  // The version the person read when they opened the form; changes are checked against it.
  const [readVersion] = useState(env.issue.version);
  const [submitting, setSubmitting] = useState(false);
  const [clientErrors, setClientErrors] = useState<ClientErrors>({});
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [attempts, setAttempts] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  // Every problem the API reported with the input, at the field it names when this form shows it.
  const serverProblems = error?.code === ErrorCode.BAD_USER_INPUT ? error.problems : [];
  const atFields = serverProblems.filter((problem) => ownsField(problem.field));
  const elsewhere = serverProblems.filter((problem) => !ownsField(problem.field));
  const alertMessage =
    error && atFields.length === 0
      ? error.message
      : elsewhere.map((problem) => problem.message).join(' ') || null;

  function fieldError(field: string): string | undefined {
    if (clientErrors[field]) return clientErrors[field];
    return atFields.find((problem) => problem.field === field)?.message;
  }

  // After a refused attempt, take the person to the first field that needs them.
  useEffect(() => {
    if (attempts === 0 || !form.current) return;
    const invalid = form.current.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!invalid) return;
    const target =
      invalid instanceof HTMLFieldSetElement
        ? invalid.querySelector<HTMLElement>('input, select, textarea')
        : invalid;
    target?.focus();
  }, [attempts]);

  async function send(version: number) {
    setSubmitting(true);
    setError(null);
    try {
      const change = await submit(version);
      draft?.clear();
      env.onDone(change, doneMessage);
      return;
    } catch (caught) {
      const failure = toRequestError(caught);
      if (failure.code === ErrorCode.CONFLICT) {
        try {
          const fresh = await env.loadIssue();
          setConflict({
            readVersion,
            currentVersion: fresh.version,
            changes: changesSince(fresh.timeline, readVersion),
          });
        } catch (loadFailure) {
          setError(toRequestError(loadFailure));
        }
      } else {
        setError(failure);
      }
    }
    setSubmitting(false);
    setAttempts((n) => n + 1);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting || blocked) return;
    const problems: Record<string, string> = {};
    for (const [field, message] of Object.entries(validate?.() ?? {})) {
      if (message) problems[field] = message;
    }
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) {
      setError(null);
      setAttempts((n) => n + 1);
      return;
    }
    void send(conflict ? conflict.currentVersion : readVersion);
  }

  // Cancel, Escape: what was typed is thrown away only when the person says so.
  function close() {
    if (!confirmDiscard(draft?.dirty ?? false)) return;
    draft?.clear();
    env.onCancel();
  }

  return (
    <Dialog title={title} subtitle={`${env.issue.key} · ${env.issue.title}`} onClose={close}>
      <form
        ref={form}
        className="form issue-form"
        onSubmit={handleSubmit}
        aria-busy={submitting}
        noValidate
      >
        {intro ? <div className="issue-form__intro">{intro}</div> : null}
        {blocked ? <div className="issue-form__blocked">{blocked}</div> : null}
        {conflict ? (
          <ConflictNotice
            readVersion={conflict.readVersion}
            currentVersion={conflict.currentVersion}
            changes={conflict.changes}
            timeZone={env.timeZone}
            disciplineName={env.disciplineName}
          />
        ) : null}
        {alertMessage ? (
          <p className="form__error" role="alert">
            {alertMessage}
          </p>
        ) : null}
        {children({ fieldError })}
        <div className="issue-form__buttons">
          <button type="submit" className="button" disabled={submitting || Boolean(blocked)}>
            {conflict ? 'Retry' : submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
