import {
  CONSEQUENCE_LEVELS,
  ISSUE_STATUSES,
  IssueStatus,
  TIERS_LOWEST_FIRST,
  type Consequence,
  type Tier,
} from '@ipt/domain';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { SelectField, type Choice } from '../../../components/SelectField';
import type { TrackerProgram } from '../api/get-program';
import type { TrackerProgramSummary } from '../api/get-programs';
import {
  NO_FILTERS,
  activeFilterCount,
  endedPeriodLabel,
  raisedPeriodLabel,
  type TrackerFilters,
} from '../filters';
import { STATUS_LABELS, TIER_NAMES, formatConsequence } from '../format';

/** How long typing rests before the search applies. */
export const SEARCH_DELAY_MS = 300;

/** Statuses still needing work: before resolution. */
const UNRESOLVED: readonly IssueStatus[] = [
  IssueStatus.OPEN,
  IssueStatus.IN_REVIEW,
  IssueStatus.AWAITING_DECISION,
  IssueStatus.DECIDED,
];

interface FilterBarProps {
  programs: readonly TrackerProgramSummary[];
  programKey: string;
  /** The program's teams, people and disciplines; null while they load. */
  program: TrackerProgram | null;
  filters: TrackerFilters;
  /** The signed-in user, marked "(me)" among owners. */
  viewerId: string | null;
  onProgramChange: (programKey: string) => void;
  onChange: (filters: TrackerFilters) => void;
}

/** Every filter of the tracker; each change goes straight to the URL. */
export function FilterBar({
  programs,
  programKey,
  program,
  filters,
  viewerId,
  onProgramChange,
  onChange,
}: FilterBarProps) {
  const change = (patch: Partial<TrackerFilters>) => onChange({ ...filters, ...patch });
  const statusValue = filters.status.join(',');
  const consequenceValue = filters.consequence.join(',');

  const statusChoices: Choice[] = [
    { value: '', label: 'Any status' },
    { value: UNRESOLVED.join(','), label: 'Unresolved (open to decided)' },
    ...ISSUE_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
  ];
  const consequenceChoices: Choice[] = [
    { value: '', label: 'Any consequence' },
    { value: '5,4', label: '4 or higher' },
    ...[...CONSEQUENCE_LEVELS].reverse().map((level) => ({
      value: String(level),
      label: formatConsequence(level),
    })),
  ];
  const teamChoices: Choice[] = [
    { value: '', label: 'Any team' },
    ...(program?.teams ?? []).map((team) => ({
      value: team.id,
      label: `${team.name} (${team.tier})${team.active ? '' : ' – inactive'}`,
    })),
  ];
  const ownerChoices: Choice[] = [
    { value: '', label: 'Anyone' },
    ...(program?.people ?? []).map((person) => ({
      value: person.id,
      label: person.id === viewerId ? `${person.name} (me)` : person.name,
    })),
  ];
  const disciplineChoices: Choice[] = [
    { value: '', label: 'Any discipline' },
    ...(program?.disciplines ?? []).map((d) => ({ value: d.code, label: d.name })),
  ];

  return (
    <div className="issues-filters" role="search" aria-label="Filter issues">
      <div className="issues-filters__row">
        <FilterSelect
          label="Program"
          value={programKey}
          choices={withCurrent(
            programs.map((p) => ({ value: p.key, label: `${p.key} – ${p.name}` })),
            programKey,
            () => programKey,
          )}
          onChange={(value) => value && onProgramChange(value)}
        />
        <SearchField value={filters.text} onChange={(text) => change({ text })} />
        {activeFilterCount(filters) > 0 ? (
          <button
            type="button"
            className="button button--secondary issues-filters__clear"
            onClick={() => onChange(NO_FILTERS)}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      <div className="issues-filters__row">
        <FilterSelect
          label="Status"
          value={statusValue}
          choices={withCurrent(statusChoices, statusValue, () =>
            filters.status.map((s) => STATUS_LABELS[s]).join(', '),
          )}
          onChange={(value) => change({ status: value ? (value.split(',') as IssueStatus[]) : [] })}
        />
        <FilterSelect
          label="Team"
          value={filters.teamId ?? ''}
          choices={withCurrent(teamChoices, filters.teamId ?? '', () =>
            program ? 'A team not in this program' : 'Loading teams…',
          )}
          onChange={(value) => change({ teamId: value || null })}
        />
        <FilterSelect
          label="Tier"
          value={filters.tier ?? ''}
          choices={[
            { value: '', label: 'Any tier' },
            ...[...TIERS_LOWEST_FIRST].reverse().map((tier) => ({
              value: tier,
              label: `${tier} – ${TIER_NAMES[tier]}`,
            })),
          ]}
          onChange={(value) => change({ tier: (value || null) as Tier | null })}
        />
        <FilterSelect
          label="Consequence"
          value={consequenceValue}
          choices={withCurrent(consequenceChoices, consequenceValue, () =>
            filters.consequence.join(' or '),
          )}
          onChange={(value) =>
            change({
              consequence: value ? (value.split(',').map(Number) as Consequence[]) : [],
            })
          }
        />
        <FilterSelect
          label="Owner"
          value={filters.ownerId ?? ''}
          choices={withCurrent(ownerChoices, filters.ownerId ?? '', () =>
            program ? 'Someone not in this program' : 'Loading people…',
          )}
          onChange={(value) => change({ ownerId: value || null })}
        />
        <FilterSelect
          label="Pending discipline"
          value={filters.pendingDiscipline ?? ''}
          choices={withCurrent(disciplineChoices, filters.pendingDiscipline ?? '', () =>
            String(filters.pendingDiscipline),
          )}
          onChange={(value) => change({ pendingDiscipline: value || null })}
        />
        <FilterSelect
          label="Overdue"
          value={filters.overdue === null ? '' : String(filters.overdue)}
          choices={[
            { value: '', label: 'Any' },
            { value: 'true', label: 'Overdue' },
            { value: 'false', label: 'Not overdue' },
          ]}
          onChange={(value) => change({ overdue: value === '' ? null : value === 'true' })}
        />
      </div>
      <PeriodChip
        label={raisedPeriodLabel(filters)}
        onClear={() => change({ raisedFrom: null, raisedTo: null })}
      />
      <PeriodChip
        label={endedPeriodLabel(filters)}
        onClear={() => change({ endedFrom: null, endedTo: null })}
      />
    </div>
  );
}

/**
 * A raised or ended period (set from a dashboard chart, or a shared URL), with a way to drop it;
 * nothing when the period is not set. The tracker has no date fields, so this is where it shows.
 */
function PeriodChip({ label, onClear }: { label: string | null; onClear: () => void }) {
  if (!label) return null;
  return (
    <div className="issues-filters__row">
      <p className="issues-chip">
        <span>{label}</span>
        <button
          type="button"
          className="issues-chip__clear"
          aria-label={`Clear “${label}”`}
          onClick={onClear}
        >
          ×
        </button>
      </p>
    </div>
  );
}

/** The choices, plus one for a value from the URL that none of them names. */
function withCurrent(choices: Choice[], value: string, label: () => string): Choice[] {
  if (choices.some((choice) => choice.value === value)) return choices;
  return [...choices, { value, label: label() }];
}

/** A select in the tracker's filter bar. */
function FilterSelect(props: Omit<Parameters<typeof SelectField>[0], 'className'>) {
  return <SelectField {...props} className="issues-filters__field" />;
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field issues-filters__field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/**
 * Free text, applied once typing rests (or at once on Enter). The box keeps what is typed; a
 * change from elsewhere (a saved view, "Clear filters") replaces it.
 */
function SearchField({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // The timer applies the text with the filters as they are then, not as they were when typed.
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });

  function type(text: string) {
    setDraft(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(text), SEARCH_DELAY_MS);
  }

  return (
    <Field id={id} label="Search">
      <input
        id={id}
        type="search"
        className="issues-filters__search"
        placeholder="Key, title or condition"
        value={draft}
        onChange={(event) => type(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            clearTimeout(timer.current);
            onChange(draft);
          }
        }}
      />
    </Field>
  );
}
