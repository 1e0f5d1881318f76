import {
  CONSEQUENCE_LABELS,
  CONSEQUENCE_LEVELS,
  DEFAULT_TIMELINESS_POLICY,
  ErrorCode,
  STAGES,
  TIERS_LOWEST_FIRST,
  TIER_NAMES,
  type Consequence,
  type DayKind,
  type Stage,
  type Tier,
  type TimelinessPolicy,
} from '@ipt/domain';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { STAGE_NAMES, daysText, toDomainPolicy, toPolicyFields } from '../../timeliness';
import { getTimelinessPolicy } from '../api/get-timeliness-policy';
import { updateTimelinessPolicy } from '../api/update-timeliness-policy';
import { Notice, type NoticeMessage } from './Notice';
import { draftOf, readDraft, sortedHolidays, type PolicyDraft } from './policy-draft';
import { useAction } from './use-action';
import { useReloadable } from './use-reloadable';

interface TimelinessPolicySectionProps {
  programKey: string;
  /** The program's version as this screen last read it: a newer one reads the policy afresh. */
  programVersion: number;
  /** Program managers and system admins change it; everyone else reads it. */
  canEdit: boolean;
  /** The policy was saved (the program's version moved on). */
  onChanged?: () => void;
}

const SECTION_ID = 'timeliness';
const HEADING_ID = 'setup-timeliness-heading';

/** What a policy says, without the version it was read at: the editor starts again when it moves. */
function contentKey(policy: TimelinessPolicy): string {
  return JSON.stringify(toPolicyFields(policy));
}

function savedMessage(recomputed: number): string {
  if (recomputed === 0) return 'Saved. No open issue needed new due dates.';
  if (recomputed === 1) return 'Saved. 1 open issue got new due dates.';
  return `Saved. ${recomputed} open issues got new due dates.`;
}

/**
 * A program's timeliness policy: the days allowed per stage and consequence, calendar or business
 * days, holidays, and the auto-escalation grace period per tier. Program managers edit it (checked
 * here with the API's own rule before it is sent); everyone else sees it read-only.
 */
export function TimelinessPolicySection({
  programKey,
  programVersion,
  canEdit,
  onChanged,
}: TimelinessPolicySectionProps) {
  const load = useCallback(
    (signal: AbortSignal) => getTimelinessPolicy(programKey, signal),
    [programKey],
  );
  const loaded = useReloadable(load);
  const reload = loaded.reload;
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  // Bumped to throw away what is typed (after a CONFLICT, on request).
  const [restart, setRestart] = useState(0);

  // The program changed elsewhere on this screen (its details saved): read the policy's version afresh.
  const loadedVersion = loaded.data?.programVersion;
  useEffect(() => {
    if (loadedVersion !== undefined && loadedVersion < programVersion) reload();
  }, [loadedVersion, programVersion, reload]);

  let body;
  if (!loaded.data) {
    body = loaded.error ? (
      <ErrorMessage
        title="Could not load the timeliness policy"
        error={loaded.error}
        onRetry={reload}
      />
    ) : (
      <Loading label="Loading the timeliness policy…" />
    );
  } else {
    const policy = toDomainPolicy(loaded.data);
    body = (
      <>
        {loaded.error ? (
          <ErrorMessage
            title="Could not reload the timeliness policy"
            error={loaded.error}
            onRetry={reload}
          />
        ) : null}
        <p className="setup-meta">
          {loaded.data.isDefault
            ? 'This program uses the shipped defaults.'
            : 'This program has its own policy.'}
        </p>
        {canEdit ? (
          <PolicyEditor
            key={`${restart}:${contentKey(policy)}`}
            programKey={programKey}
            programVersion={loaded.data.programVersion}
            policy={policy}
            onSaved={(recomputed) => {
              setNotice({ kind: 'success', text: savedMessage(recomputed) });
              reload();
              onChanged?.();
            }}
            onReload={() => {
              setNotice(null);
              setRestart((n) => n + 1);
              reload();
              onChanged?.();
            }}
          />
        ) : (
          <PolicyView policy={policy} />
        )}
      </>
    );
  }

  return (
    <section className="setup-section" id={SECTION_ID} aria-labelledby={HEADING_ID}>
      <div className="setup-section__header">
        <h2 id={HEADING_ID}>Timeliness policy</h2>
      </div>
      <p className="setup-section__intro muted">
        How long each stage of an issue may take, by its consequence. Issues get their due dates
        from here unless someone sets one by hand.
        {canEdit ? null : ' Only program managers and system admins can change it.'}
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {body}
    </section>
  );
}

// ------------------------------------------------------------------ read-only

function rowLabel(level: Consequence): string {
  return `${level} ${CONSEQUENCE_LABELS[level]}`;
}

const DAY_KIND_TEXT: Readonly<Record<DayKind, string>> = {
  BUSINESS: 'Business days: weekends and the holidays below do not count.',
  CALENDAR: 'Calendar days: every day counts.',
};

/** "Dec 25, 2026" for a local date, without any zone moving it. */
function formatLocalDate(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

function graceText(days: number | undefined, kind: DayKind): string {
  return days === undefined
    ? 'Never escalates automatically'
    : `Escalates ${daysText(days, kind)} after an overdue decision`;
}

/** Days allowed per stage (columns) by consequence (rows); `cell` fills each day count's cell. */
function AllowanceGrid({ cell }: { cell: (level: Consequence, stage: Stage) => ReactNode }) {
  return (
    <div className="table-scroll setup-table-scroll">
      <table className="table setup-table setup-policy__grid">
        <caption>Days allowed per stage, by consequence</caption>
        <thead>
          <tr>
            <th scope="col">Consequence</th>
            {STAGES.map((stage) => (
              <th key={stage} scope="col">
                {STAGE_NAMES[stage]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CONSEQUENCE_LEVELS.map((level) => (
            <tr key={level}>
              <th scope="row">{rowLabel(level)}</th>
              {STAGES.map((stage) => (
                <td key={stage}>{cell(level, stage)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PolicyView({ policy }: { policy: TimelinessPolicy }) {
  return (
    <div className="card setup-card setup-policy">
      <AllowanceGrid cell={(level, stage) => policy.allowances[level][stage]} />
      <dl className="setup-policy__facts">
        <div>
          <dt>Days counted</dt>
          <dd>{DAY_KIND_TEXT[policy.dayKind]}</dd>
        </div>
        <div>
          <dt>Holidays</dt>
          <dd>
            {policy.holidays.length === 0
              ? 'None'
              : policy.holidays.map((day) => formatLocalDate(day)).join(', ')}
          </dd>
        </div>
        {TIERS_LOWEST_FIRST.map((tier) => (
          <div key={tier}>
            <dt>Grace at {tier}</dt>
            <dd>{graceText(policy.autoEscalationGraceDays[tier], policy.dayKind)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

// ------------------------------------------------------------------ editor

interface PolicyEditorProps {
  programKey: string;
  programVersion: number;
  policy: TimelinessPolicy;
  onSaved: (recomputedIssues: number) => void;
  /** Throw away what is typed and read the policy afresh. */
  onReload: () => void;
}

/** Fields an API error may name that this form shows. */
function isPolicyField(field: string): boolean {
  return /^(allowances\.[1-5]\.[A-Z]+|holidays\.\d+|autoEscalationGraceDays\.[A-Z]+)$/.test(field);
}

function PolicyEditor({
  programKey,
  programVersion,
  policy,
  onSaved,
  onReload,
}: PolicyEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy));
  const [checked, setChecked] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [restored, setRestored] = useState(false);
  const [newHoliday, setNewHoliday] = useState('');
  const [holidayError, setHolidayError] = useState<string | null>(null);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const action = useAction();

  const reading = readDraft(draft);
  const problems = checked ? reading.problems : {};
  const error = action.error;
  const serverField =
    error?.code === ErrorCode.BAD_USER_INPUT && error.field && isPolicyField(error.field)
      ? error.field
      : null;

  useEffect(() => {
    if (focusInvalid === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  function errorAt(field: string): string | undefined {
    return problems[field] ?? (serverField === field ? error?.message : undefined);
  }

  function change(next: PolicyDraft) {
    setDraft(next);
    setRestored(false);
    if (error) action.clearError();
  }

  function setAllowance(level: Consequence, stage: Stage, value: string) {
    change({
      ...draft,
      allowances: { ...draft.allowances, [level]: { ...draft.allowances[level], [stage]: value } },
    });
  }

  function addHoliday() {
    if (!newHoliday) {
      setHolidayError('Choose the date to add.');
      return;
    }
    if (draft.holidays.includes(newHoliday)) {
      setHolidayError(`${formatLocalDate(newHoliday)} is listed already.`);
      return;
    }
    change({ ...draft, holidays: sortedHolidays([...draft.holidays, newHoliday]) });
    setNewHoliday('');
    setHolidayError(null);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(reading.problems).length > 0) {
      setFocusInvalid((n) => n + 1);
      return;
    }
    const result = await action.run(
      () =>
        updateTimelinessPolicy({
          programKey,
          programVersion,
          ...toPolicyFields(reading.policy),
        }),
      {
        onError: (failure) => {
          if (failure.code !== ErrorCode.CONFLICT) {
            if (failure.field) setFocusInvalid((n) => n + 1);
            return false;
          }
          setConflict(true);
          return true;
        },
      },
    );
    if (result) onSaved(result.recomputedIssues);
  }

  const problemCount = Object.keys(problems).length;
  const holidaysId = `${id}-holidays`;
  const graceHintId = `${id}-grace-hint`;

  return (
    <form
      ref={form}
      className="card setup-card form setup-policy"
      aria-labelledby={HEADING_ID}
      aria-busy={action.pending}
      noValidate
      onSubmit={handleSubmit}
    >
      {conflict ? (
        <div className="setup-notice setup-notice--warning" role="alert">
          <span>
            Someone changed this program while you were editing, so the policy was not saved. Reload
            to see the current policy (what you typed here is discarded), then make your change
            again.
          </span>
          <button type="button" className="button button--secondary" onClick={onReload}>
            Reload
          </button>
        </div>
      ) : null}
      {error && !serverField ? (
        <p className="form__error" role="alert">
          {error.message}
        </p>
      ) : null}
      {problemCount > 0 ? (
        <p className="form__error" role="alert">
          {problemCount === 1
            ? 'One value cannot be saved: see the field marked below.'
            : `${problemCount} values cannot be saved: see the fields marked below.`}
        </p>
      ) : null}

      <AllowanceGrid
        cell={(level, stage) => {
          const field = `allowances.${level}.${stage}`;
          const message = errorAt(field);
          const errorId = `${id}-${level}-${stage}-error`;
          return (
            <>
              <input
                className="setup-policy__days"
                type="number"
                inputMode="numeric"
                min={1}
                max={365}
                step={1}
                name={field}
                aria-label={`${STAGE_NAMES[stage]} days, consequence ${level} – ${CONSEQUENCE_LABELS[level]}`}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? errorId : undefined}
                value={draft.allowances[level][stage]}
                onChange={(event) => setAllowance(level, stage, event.target.value)}
              />
              {message ? (
                <p id={errorId} className="setup-field__error">
                  {message}
                </p>
              ) : null}
            </>
          );
        }}
      />

      <fieldset className="setup-policy__group">
        <legend>Count days as</legend>
        {(['BUSINESS', 'CALENDAR'] as const).map((kind) => (
          <div key={kind} className="setup-check__row">
            <input
              id={`${id}-${kind}`}
              type="radio"
              name="dayKind"
              value={kind}
              checked={draft.dayKind === kind}
              onChange={() => change({ ...draft, dayKind: kind })}
            />
            <label htmlFor={`${id}-${kind}`}>
              {kind === 'BUSINESS'
                ? 'Business days (weekends and the holidays below excluded)'
                : 'Calendar days'}
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset className="setup-policy__group" aria-describedby={`${holidaysId}-hint`}>
        <legend>Holidays</legend>
        <p id={`${holidaysId}-hint`} className="setup-field__hint">
          Dates in the program’s time zone that are not business days.
          {draft.dayKind === 'CALENDAR' ? ' They count only with business days.' : null}
        </p>
        {draft.holidays.length === 0 ? (
          <p className="muted">No holidays listed.</p>
        ) : (
          <ul className="setup-policy__holidays" aria-label="Holidays">
            {draft.holidays.map((day, index) => {
              const message = errorAt(`holidays.${index}`);
              return (
                <li key={day}>
                  <time dateTime={day}>{formatLocalDate(day)}</time>{' '}
                  <button
                    type="button"
                    className="setup-link-button"
                    aria-label={`Remove ${formatLocalDate(day)}`}
                    onClick={() =>
                      change({ ...draft, holidays: draft.holidays.filter((d) => d !== day) })
                    }
                  >
                    Remove
                  </button>
                  {message ? <p className="setup-field__error">{message}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
        <div className="setup-policy__add">
          <div className="field">
            <label htmlFor={`${holidaysId}-new`}>Add a holiday</label>
            <input
              id={`${holidaysId}-new`}
              type="date"
              value={newHoliday}
              aria-invalid={holidayError ? true : undefined}
              aria-describedby={holidayError ? `${holidaysId}-new-error` : undefined}
              onChange={(event) => {
                setNewHoliday(event.target.value);
                setHolidayError(null);
              }}
            />
            {holidayError ? (
              <p id={`${holidaysId}-new-error`} className="setup-field__error">
                {holidayError}
              </p>
            ) : null}
          </div>
          <button type="button" className="button button--secondary" onClick={addHoliday}>
            Add holiday
          </button>
        </div>
      </fieldset>

      <fieldset className="setup-policy__group" aria-describedby={graceHintId}>
        <legend>Auto-escalation grace period</legend>
        <p id={graceHintId} className="setup-field__hint">
          Days past an overdue decision before the issue moves one tier up by itself. Leave blank to
          never escalate automatically at that tier.
        </p>
        <div className="setup-grid setup-grid--tight">
          {TIERS_LOWEST_FIRST.map((tier: Tier) => {
            const field = `autoEscalationGraceDays.${tier}`;
            const message = errorAt(field);
            const inputId = `${id}-grace-${tier}`;
            return (
              <div key={tier} className="field">
                <label htmlFor={inputId}>
                  {tier} grace days <span className="muted">({TIER_NAMES[tier]})</span>
                </label>
                <input
                  id={inputId}
                  className="setup-policy__days setup-policy__days--grace"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={90}
                  step={1}
                  name={field}
                  placeholder="Never"
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? `${inputId}-error` : undefined}
                  value={draft.grace[tier]}
                  onChange={(event) =>
                    change({ ...draft, grace: { ...draft.grace, [tier]: event.target.value } })
                  }
                />
                {message ? (
                  <p id={`${inputId}-error`} className="setup-field__error">
                    {message}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>

      <div role="status" className="setup-notice-region">
        {restored ? (
          <p className="muted">The shipped defaults are in the form; save to use them.</p>
        ) : null}
      </div>
      <div className="setup-actions">
        <button type="submit" className="button" disabled={action.pending || conflict}>
          Save policy
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            change(draftOf(DEFAULT_TIMELINESS_POLICY));
            setRestored(true);
          }}
        >
          Restore defaults
        </button>
      </div>
    </form>
  );
}
