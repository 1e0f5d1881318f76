import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { STATUS_LABELS, type IssueStatus } from '@ipt/domain';
import { useNavigate } from 'react-router';
import { isAbortError, toRequestError } from '../../../lib/graphql';
import { useQuery } from '../../../lib/use-query';
import { getPalettePrograms, searchProgram, type PaletteResults } from '../api/search';
import { trapTab, useReturnFocus } from './dialog-focus';
import '../command-palette.css';

/** How long typing must pause before the palette asks the API (each key does not). */
export const SEARCH_DEBOUNCE_MS = 150;

/** A command the palette offers without asking the API: a screen, raising, the shortcut list. */
export interface PaletteCommand {
  readonly id: string;
  readonly label: string;
  /** Words it is also found by. */
  readonly keywords?: string;
  readonly run: () => void;
}

interface CommandPaletteProps {
  /** The screens and actions offered, in the person's navigation order. */
  readonly commands: readonly PaletteCommand[];
  /** The program to search: the one the current address names, if any. */
  readonly programKey: string | null;
  readonly onClose: () => void;
}

interface Option {
  readonly id: string;
  readonly group: 'commands' | 'issues' | 'decisions';
  readonly label: string;
  readonly detail?: string;
  readonly choose: () => void;
}

/** The last answer, and the question it answers (program and query). */
type Answer =
  | { readonly asked: string; readonly results: PaletteResults; readonly message?: never }
  | { readonly asked: string; readonly message: string; readonly results?: never };

const GROUP_LABELS: Record<Option['group'], string> = {
  commands: 'Screens and actions',
  issues: 'Issues',
  decisions: 'Decisions',
};

function matchesCommand(command: PaletteCommand, query: string): boolean {
  const text = `${command.label} ${command.keywords ?? ''}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * The command palette (Ctrl-K, Cmd-K or /): one text field that filters the screens and actions
 * at once and, after a pause in typing, searches the program's issues and decisions. An ARIA
 * combobox: focus stays in the field, the arrow keys move the active option, Enter takes it,
 * Escape closes and focus returns to where it was.
 */
export function CommandPalette({ commands, programKey, onClose }: CommandPaletteProps) {
  const navigate = useNavigate();
  const titleId = useId();
  const listId = useId();
  const statusId = useId();
  const optionId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  useReturnFocus(input);

  // The program searched: the address's, else the first the person can see.
  const loadPrograms = useCallback(
    (signal: AbortSignal) => (programKey ? Promise.resolve([]) : getPalettePrograms(signal)),
    [programKey],
  );
  const programs = useQuery(loadPrograms);
  const searchedKey =
    programKey ?? (programs.status === 'success' ? (programs.data[0]?.key ?? null) : null);

  // Each pause in typing asks once; a newer question aborts the older, so a slow answer to an
  // earlier query never replaces the answer to the current one.
  const query = text.trim();
  const asked = searchedKey && query ? `${searchedKey}\n${query}` : null;
  useEffect(() => {
    if (!query || !searchedKey) return;
    const question = `${searchedKey}\n${query}`;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchProgram(searchedKey, query, controller.signal).then(
        (results) => {
          if (!controller.signal.aborted) setAnswer({ asked: question, results });
        },
        (error: unknown) => {
          if (controller.signal.aborted || isAbortError(error)) return;
          setAnswer({ asked: question, message: toRequestError(error).message });
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, searchedKey]);

  const go = useCallback(
    (to: string) => {
      onClose();
      navigate(to);
    },
    [navigate, onClose],
  );

  const options = useMemo<Option[]>(() => {
    const found: Option[] = commands
      .filter((command) => matchesCommand(command, query))
      .map((command) => ({
        id: `command-${command.id}`,
        group: 'commands',
        label: command.label,
        choose: () => {
          onClose();
          command.run();
        },
      }));
    const results = answer && answer.asked === asked ? answer.results : undefined;
    if (results) {
      for (const issue of results.issues) {
        found.push({
          id: `issue-${issue.id}`,
          group: 'issues',
          label: `${issue.key} ${issue.title}`,
          detail: STATUS_LABELS[issue.status as IssueStatus] ?? issue.status,
          choose: () => go(`/issues/${issue.key}`),
        });
      }
      for (const decision of results.decisions) {
        found.push({
          id: `decision-${decision.id}`,
          group: 'decisions',
          label: `${decision.issue.key}: ${decision.option.label} – ${decision.option.title}`,
          detail: `${decision.superseded ? 'Superseded decision' : 'Decision'} of ${DATE.format(new Date(decision.decidedAt))} on “${decision.issue.title}”`,
          choose: () => go(`/issues/${decision.issue.key}#decision-${decision.id}`),
        });
      }
    }
    return found;
  }, [commands, query, answer, asked, go, onClose]);

  // The option last moved to while it is listed, else the best match.
  const active = options.find((option) => option.id === activeId) ?? options[0];
  const activeIndex = active ? options.indexOf(active) : -1;
  const domId = (option: Option) => `${optionId}-${option.id}`;

  useEffect(() => {
    if (!active) return;
    document.getElementById(domId(active))?.scrollIntoView?.({ block: 'nearest' });
    // domId only depends on the stable optionId.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key === 'Tab' && panel.current) {
      trapTab(event, panel.current);
      return;
    }
    if (event.target !== input.current || options.length === 0) return;
    const moves: Record<string, number> = {
      ArrowDown: (activeIndex + 1) % options.length,
      ArrowUp: (activeIndex - 1 + options.length) % options.length,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActiveId(options[next]?.id ?? null);
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      active.choose();
    }
  }

  const current = answer && answer.asked === asked ? answer : null;
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  let status: string;
  if (!query) status = 'Type an issue key (HX-12), words of a title or rationale, or a screen.';
  else if (!searchedKey)
    status =
      programs.status === 'loading'
        ? 'Loading your programs…'
        : 'You are not on any program, so only screens are listed.';
  else if (!current) status = `Searching ${searchedKey}…`;
  else if (current.message !== undefined) status = `Could not search: ${current.message}`;
  else if (options.length === 0) status = `Nothing matches “${query}” in ${searchedKey}.`;
  else
    status = `${plural(current.results.issues.length, 'issue')} and ${plural(current.results.decisions.length, 'decision')} in ${searchedKey}`;

  const groups = (['commands', 'issues', 'decisions'] as const)
    .map((group) => ({ group, items: options.filter((option) => option.group === group) }))
    .filter(({ items }) => items.length > 0);

  return (
    <div
      className="palette__backdrop"
      onMouseDown={(event) => {
        // A click or tap beside the palette closes it, as Escape does.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={handleKeyDown}
      >
        <div className="palette__header">
          <h2 id={titleId} className="palette__title">
            Go to an issue, decision or screen
          </h2>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Close
          </button>
        </div>
        <input
          ref={input}
          className="palette__input"
          type="text"
          role="combobox"
          aria-label={`Search${searchedKey ? ` ${searchedKey}` : ''} issues, decisions and screens`}
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={statusId}
          aria-activedescendant={active ? domId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Issue key, words, or a screen…"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={statusId} className="palette__status" role="status">
          {status}
        </p>
        <div id={listId} role="listbox" aria-label="Results" className="palette__list">
          {groups.map(({ group, items }) => (
            <div
              key={group}
              role="group"
              aria-label={GROUP_LABELS[group]}
              data-label={GROUP_LABELS[group]}
              className="palette__group"
            >
              {items.map((option) => {
                const selected = option === active;
                return (
                  <div
                    key={option.id}
                    id={domId(option)}
                    role="option"
                    aria-selected={selected}
                    className={
                      selected ? 'palette__option palette__option--active' : 'palette__option'
                    }
                    // Keeps focus in the field: the option is chosen on click, not focused.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => option.choose()}
                    onMouseMove={() => {
                      if (!selected) setActiveId(option.id);
                    }}
                  >
                    <span className="palette__label">{option.label}</span>
                    {option.detail ? (
                      <span className="palette__detail">{option.detail}</span>
                    ) : null}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
