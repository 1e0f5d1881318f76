import {
  CONSEQUENCE_LABELS,
  CONSEQUENCE_LEVELS,
  TIERS_LOWEST_FIRST,
  TIER_NAMES,
} from '@ipt/domain';
import type { Consequence, Tier } from '@ipt/domain';
import { useId, type ReactNode } from 'react';
import { SelectField, type Choice } from '../../../components/SelectField';
import type { DashboardProgram } from '../api/get-dashboard-program';
import type { DashboardProgramSummary } from '../api/get-dashboard-programs';
import {
  NO_DASHBOARD_FILTERS,
  dashboardFilterCount,
  isLocalDate,
  type DashboardFilters,
} from '../filters';

interface DashboardControlsProps {
  programs: readonly DashboardProgramSummary[];
  programKey: string;
  /** Teams and disciplines; null while they load. */
  program: DashboardProgram | null;
  filters: DashboardFilters;
  /** The latest day that can be replayed (today in the program's zone). */
  today: string | null;
  onProgramChange: (programKey: string) => void;
  onChange: (filters: DashboardFilters) => void;
}

/** The program, the filters, the period and the as-of day; each change goes to the URL. */
export function DashboardControls({
  programs,
  programKey,
  program,
  filters,
  today,
  onProgramChange,
  onChange,
}: DashboardControlsProps) {
  const change = (patch: Partial<DashboardFilters>) => onChange({ ...filters, ...patch });
  const teams = program?.teams ?? [];
  const teamChoices: Choice[] = [
    { value: '', label: 'Any team' },
    ...teams.map((t) => ({ value: t.id, label: `${t.name} (${t.tier})` })),
  ];
  const authorityChoices: Choice[] = [
    { value: '', label: 'Any authority' },
    ...teams.map((t) => ({ value: t.id, label: `${t.name} (${t.tier})` })),
  ];
  const disciplineChoices: Choice[] = [
    { value: '', label: 'Any discipline' },
    ...(program?.disciplines ?? []).map((d) => ({ value: d.code, label: d.name })),
  ];
  const consequenceValue = filters.consequence.join(',');
  const consequenceChoices: Choice[] = [
    { value: '', label: 'Any consequence' },
    { value: '5,4', label: '4 or higher' },
    ...[...CONSEQUENCE_LEVELS]
      .reverse()
      .map((level) => ({ value: String(level), label: `${level} – ${CONSEQUENCE_LABELS[level]}` })),
  ];

  return (
    <div className="dashboard-controls" role="search" aria-label="Dashboard filters">
      <div className="dashboard-controls__row">
        <Select
          label="Program"
          value={programKey}
          choices={withCurrent(
            programs.map((p) => ({ value: p.key, label: `${p.key} – ${p.name}` })),
            programKey,
          )}
          onChange={(value) => value && onProgramChange(value)}
        />
        <DateField
          label="As of"
          hint="Replay the past: the figures as they stood at the end of that day."
          value={filters.asOf}
          max={today}
          onChange={(asOf) => change({ asOf })}
        />
        {dashboardFilterCount(filters) > 0 ? (
          <button
            type="button"
            className="button button--secondary dashboard-controls__clear"
            onClick={() => onChange({ ...NO_DASHBOARD_FILTERS, asOf: filters.asOf })}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      <div className="dashboard-controls__row">
        <Select
          label="Team"
          value={filters.teamId ?? ''}
          choices={withCurrent(teamChoices, filters.teamId ?? '')}
          onChange={(value) => change({ teamId: value || null })}
        />
        <Select
          label="Tier"
          value={filters.tier ?? ''}
          choices={[
            { value: '', label: 'Any tier' },
            ...[...TIERS_LOWEST_FIRST]
              .reverse()
              .map((tier) => ({ value: tier, label: `${tier} – ${TIER_NAMES[tier]}` })),
          ]}
          onChange={(value) => change({ tier: (value || null) as Tier | null })}
        />
        <Select
          label="Consequence"
          value={consequenceValue}
          choices={withCurrent(consequenceChoices, consequenceValue)}
          onChange={(value) =>
            change({
              consequence: value ? (value.split(',').map(Number) as Consequence[]) : [],
            })
          }
        />
        <Select
          label="Discipline"
          value={filters.discipline ?? ''}
          choices={withCurrent(disciplineChoices, filters.discipline ?? '')}
          onChange={(value) => change({ discipline: value || null })}
        />
        <Select
          label="Authority"
          value={filters.authorityTeamId ?? ''}
          choices={withCurrent(authorityChoices, filters.authorityTeamId ?? '')}
          onChange={(value) => change({ authorityTeamId: value || null })}
        />
        <DateField
          label="Period from"
          value={filters.from}
          max={filters.to ?? filters.asOf ?? today}
          onChange={(from) => change({ from })}
        />
        <DateField
          label="Period to"
          value={filters.to}
          min={filters.from}
          max={filters.asOf ?? today}
          onChange={(to) => change({ to })}
        />
      </div>
    </div>
  );
}

/** The choices, plus one for a value from the URL that none of them names (yet). */
function withCurrent(choices: Choice[], value: string): Choice[] {
  if (choices.some((choice) => choice.value === value)) return choices;
  return [...choices, { value, label: value }];
}

function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field dashboard-controls__field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <span id={`${id}-hint`} className="dashboard-controls__hint muted">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** A select in the dashboard's bar. */
function Select(props: Omit<Parameters<typeof SelectField>[0], 'className'>) {
  return <SelectField {...props} className="dashboard-controls__field" />;
}

/** A local date; cleared to null; a half-typed date changes nothing. */
function DateField({
  label,
  hint,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string | null;
  min?: string | null;
  max?: string | null;
  onChange: (value: string | null) => void;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        type="date"
        value={value ?? ''}
        min={min ?? undefined}
        max={max ?? undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          if (next === '') onChange(null);
          else if (isLocalDate(next)) onChange(next);
        }}
      />
    </Field>
  );
}
