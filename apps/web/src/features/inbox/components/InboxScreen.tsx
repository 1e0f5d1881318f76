import { Fragment, Suspense, lazy, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useIssueActivity } from '../../../lib/live';
import { useQuery } from '../../../lib/use-query';
import { DueDate } from '../../../components/DueDate';
import { TeamName } from '../../../components/TeamName';
import { compareDue, describeDue } from '../../../lib/dates';
import { useKeptData } from '../../../lib/use-kept-data';
import { RunningStageClock } from '../../timeliness';
import { getMyInbox, type InboxEntry } from '../api/get-my-inbox';

// The recommendation form is the issue page's own (one form per action); its code loads when
// a Recommend button is first pressed.
const IssueActionHost = lazy(() =>
  import('../../issue').then((module) => ({ default: module.IssueActionHost })),
);

/** One inbox entry per (issue, discipline). */
export function entryKey(entry: InboxEntry): string {
  return `${entry.issue.key}/${entry.discipline}`;
}

/** Soonest due first, those without a due date last; then by issue key and discipline. */
export function sortInbox(entries: readonly InboxEntry[]): InboxEntry[] {
  return [...entries].sort(
    (a, b) =>
      compareDue(a.dueAt, b.dueAt) ||
      a.issue.key.localeCompare(b.issue.key, undefined, { numeric: true }) ||
      a.discipline.localeCompare(b.discipline),
  );
}

/** "3 recommendations wait on you, 1 of them overdue." */
export function inboxSummary(entries: readonly InboxEntry[], now: Date): string {
  const count = entries.length;
  const overdue = entries.filter((entry) => describeDue(entry.dueAt, now).overdue).length;
  const what =
    count === 1 ? '1 recommendation waits on you' : `${count} recommendations wait on you`;
  if (overdue === 0) return `${what}.`;
  return `${what}, ${overdue === count && count > 1 ? 'all' : overdue} of ${count === 1 ? 'it' : 'them'} overdue.`;
}

const CONFIRMATION_ID = 'inbox-confirmation';
const buttonId = (key: string) => `inbox-recommend-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;

/**
 * My inbox: every recommendation waiting on the signed-in person's disciplines, soonest due first,
 * each one click away from its form. Reloads on any activity in the person's programs, keeping an
 * open form (and what is typed in it) in place.
 */
export function InboxScreen({ now }: { now: Date }) {
  const inbox = useQuery(getMyInbox);
  const entries = useKeptData(inbox);
  useIssueActivity({}, () => inbox.reload());

  /** The entry whose form is open, as it was when opened (kept even if a reload drops it). */
  const [open, setOpen] = useState<InboxEntry | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const focusAfterClose = useRef<string | null>(null);

  useEffect(() => {
    if (focusAfterClose.current) {
      document.getElementById(focusAfterClose.current)?.focus();
      focusAfterClose.current = null;
    }
  });

  if (entries === undefined) {
    if (inbox.status === 'error') {
      return (
        <ErrorMessage
          title="Could not load your inbox"
          error={inbox.error}
          onRetry={inbox.reload}
        />
      );
    }
    return <Loading label="Loading your inbox…" />;
  }

  const openKey = open ? entryKey(open) : null;
  const rows = sortInbox(
    open && !entries.some((entry) => entryKey(entry) === openKey) ? [...entries, open] : entries,
  );

  function openForm(entry: InboxEntry) {
    setConfirmation(null);
    setOpen(entry);
  }

  function closeForm(entry: InboxEntry) {
    setOpen(null);
    focusAfterClose.current = buttonId(entryKey(entry));
  }

  function submitted(entry: InboxEntry) {
    setOpen(null);
    setConfirmation(`Recommendation submitted on ${entry.issue.key}.`);
    inbox.reload();
    // The row leaves the inbox; the confirmation takes the focus so the keyboard is not lost.
    focusAfterClose.current = CONFIRMATION_ID;
  }

  return (
    <>
      {inbox.status === 'error' ? (
        <ErrorMessage
          title="Could not refresh your inbox"
          error={inbox.error}
          onRetry={inbox.reload}
        />
      ) : null}
      <p
        id={CONFIRMATION_ID}
        className={confirmation ? 'inbox-confirmation' : 'inbox-confirmation--empty'}
        role="status"
        tabIndex={-1}
      >
        {confirmation}
      </p>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">Nothing waits on your disciplines.</p>
          <p>
            When an issue on one of your teams needs your discipline’s recommendation, it appears
            here.
          </p>
        </div>
      ) : (
        <>
          <p className="muted">{inboxSummary(entries, now)}</p>
          <div className="table-scroll">
            <table className="table inbox-table">
              <caption>Recommendations waiting on your disciplines, soonest due first</caption>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">My discipline</th>
                  <th scope="col">Team</th>
                  <th scope="col">Recommendations due</th>
                  <th scope="col">Stage clock</th>
                  <th scope="col">
                    <span className="inbox-visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((entry) => {
                  const key = entryKey(entry);
                  const isOpen = key === openKey;
                  const rowHeaderId = `${buttonId(key)}-issue`;
                  return (
                    <Fragment key={key}>
                      <tr className={isOpen ? 'inbox-row inbox-row--open' : 'inbox-row'}>
                        <th scope="row" id={rowHeaderId} className="inbox-issue">
                          <Link
                            to={`/issues/${entry.issue.key}`}
                            className="table__key"
                            data-shortcut-item=""
                          >
                            {entry.issue.key}
                          </Link>{' '}
                          <span>{entry.issue.title}</span>
                        </th>
                        <td>{entry.disciplineName}</td>
                        <td>
                          <TeamName team={entry.team} />
                        </td>
                        <td>
                          <DueDate
                            dueAt={entry.dueAt}
                            now={now}
                            timeZone={entry.issue.program.timeZone}
                          />
                        </td>
                        <td>
                          <RunningStageClock
                            clocks={entry.issue.stageClocks}
                            timeZone={entry.issue.program.timeZone}
                            now={now}
                            showDueDate={false}
                          />
                        </td>
                        <td className="inbox-action">
                          <button
                            type="button"
                            id={buttonId(key)}
                            className={isOpen ? 'button button--secondary' : 'button'}
                            aria-haspopup="dialog"
                            aria-describedby={rowHeaderId}
                            onClick={() => openForm(entry)}
                          >
                            Recommend
                          </button>
                        </td>
                      </tr>
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
            {open ? (
              <Suspense fallback={<Loading label="Opening the form…" />}>
                <IssueActionHost
                  issueKey={open.issue.key}
                  action="SUBMIT_RECOMMENDATION"
                  discipline={open.discipline}
                  onDone={() => submitted(open)}
                  onCancel={() => closeForm(open)}
                />
              </Suspense>
            ) : null}
          </div>
        </>
      )}
    </>
  );
}
