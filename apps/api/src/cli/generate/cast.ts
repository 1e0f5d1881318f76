import type { Tier } from '@ipt/domain';

/**
 * The generated program's ladder and people. Discipline codes are the default catalog's (as in
 * the demo program); each team has one representative per discipline it covers and one lead with
 * decision authority, and each person works at their own pace: that is where the dashboard's
 * per-discipline and per-authority differences come from.
 */
export interface TeamSpec {
  readonly ref: string;
  readonly name: string;
  readonly tier: Tier;
  readonly parent: string | null;
  readonly charter: string;
  readonly disciplines: readonly string[];
  /** Median days this team's decision authority takes from ready to decided (consequence 3). */
  readonly decisionMedianDays: number;
  /** Share of the program's new issues raised on this team. */
  readonly raiseWeight: number;
  readonly subjects: readonly string[];
}

export const GENERATED_PROGRAM = {
  name: 'Generated Air Vehicle Program',
  phase: 'Engineering & Manufacturing Development',
  timeZone: 'America/New_York',
};

/** Everyone's password in a generated program (it is test data, like the demo's). */
export const GENERATED_PASSWORD = 'ipt-generated-pass';

export const ALL_DISCIPLINES = [
  'engineering',
  'test',
  'logistics',
  'contracting',
  'cost',
  'manufacturing',
  'security',
  'safety',
  'requirements',
] as const;

/** Median days a representative takes to recommend (consequence 3), by discipline. */
export const RECOMMENDATION_MEDIAN_DAYS: Readonly<Record<string, number>> = {
  engineering: 3,
  test: 3.5,
  logistics: 5,
  contracting: 9,
  cost: 6,
  manufacturing: 4,
  security: 6.5,
  safety: 4,
  requirements: 4.5,
};

export const TEAMS: readonly TeamSpec[] = [
  {
    ref: 'oipt',
    name: 'Overarching IPT',
    tier: 'OIPT',
    parent: null,
    charter: 'Oversight of the program; the PEO decides what reaches this level.',
    disciplines: ALL_DISCIPLINES,
    decisionMedianDays: 8,
    raiseWeight: 0.01,
    subjects: ['Program baseline', 'Milestone C entry', 'Acquisition strategy'],
  },
  {
    ref: 'av',
    name: 'Air Vehicle IIPT',
    tier: 'IIPT',
    parent: 'oipt',
    charter: 'Integrates the air vehicle WIPTs; settles cross-cutting issues before the OIPT.',
    disciplines: ALL_DISCIPLINES,
    decisionMedianDays: 4,
    raiseWeight: 0.04,
    subjects: ['Weight budget', 'Integrated schedule', 'Air vehicle spec'],
  },
  {
    ref: 'ms',
    name: 'Mission Systems IIPT',
    tier: 'IIPT',
    parent: 'oipt',
    charter: 'Integrates the mission systems WIPTs; settles cross-cutting issues.',
    disciplines: ALL_DISCIPLINES,
    decisionMedianDays: 6,
    raiseWeight: 0.04,
    subjects: ['Mission software build', 'Interface control', 'Cyber accreditation'],
  },
  {
    ref: 'airframe',
    name: 'Airframe & Structures WIPT',
    tier: 'WIPT',
    parent: 'av',
    charter: 'Airframe design, structural test and production tooling.',
    disciplines: ['engineering', 'manufacturing', 'test', 'safety', 'cost', 'contracting'],
    decisionMedianDays: 2,
    raiseWeight: 0.2,
    subjects: ['Wing spar', 'Fuselage frame', 'Landing gear bay', 'Composite skin', 'Fastener'],
  },
  {
    ref: 'propulsion',
    name: 'Propulsion WIPT',
    tier: 'WIPT',
    parent: 'av',
    charter: 'Engine integration, fuel system and thermal management.',
    disciplines: ['engineering', 'test', 'logistics', 'safety', 'contracting', 'cost'],
    decisionMedianDays: 3,
    raiseWeight: 0.15,
    subjects: ['Fuel pump', 'Engine mount', 'Inlet duct', 'Bleed air valve', 'Oil cooler'],
  },
  {
    ref: 'te',
    name: 'Test & Evaluation WIPT',
    tier: 'WIPT',
    parent: 'av',
    charter: 'Developmental test planning, ranges and instrumentation.',
    disciplines: ['test', 'engineering', 'safety', 'security', 'requirements'],
    decisionMedianDays: 5,
    raiseWeight: 0.12,
    subjects: [
      'Flight test card',
      'Range slot',
      'Telemetry pod',
      'Test article',
      'Instrumentation',
    ],
  },
  {
    ref: 'sensors',
    name: 'Sensors WIPT',
    tier: 'WIPT',
    parent: 'ms',
    charter: 'Radar, EO/IR and their integration.',
    disciplines: ['engineering', 'test', 'manufacturing', 'security', 'requirements', 'cost'],
    decisionMedianDays: 3.5,
    raiseWeight: 0.16,
    subjects: ['Radar array', 'EO/IR turret', 'Antenna radome', 'Cooling loop', 'Sensor fusion'],
  },
  {
    ref: 'software',
    name: 'Software & Cyber WIPT',
    tier: 'WIPT',
    parent: 'ms',
    charter: 'Mission software builds, cybersecurity and the software factory.',
    disciplines: ['engineering', 'security', 'test', 'requirements', 'contracting'],
    decisionMedianDays: 6.5,
    raiseWeight: 0.16,
    subjects: ['Build 4.2', 'Crypto module', 'Boot loader', 'Patch cadence', 'Data link stack'],
  },
  {
    ref: 'support',
    name: 'Product Support WIPT',
    tier: 'WIPT',
    parent: 'ms',
    charter: 'Sustainment planning, spares, depot and technical data.',
    disciplines: ['logistics', 'contracting', 'cost', 'manufacturing', 'requirements', 'safety'],
    decisionMedianDays: 4.5,
    raiseWeight: 0.12,
    subjects: ['Spares buy', 'Depot stand-up', 'Tech manual', 'Support equipment', 'Repair kit'],
  },
];

export const PROBLEMS: readonly string[] = [
  'fails qualification test',
  'late from supplier',
  'over cost estimate',
  'misses spec margin',
  'drawing discrepancy',
  'obsolete part',
  'data rights dispute',
  'schedule slip risk',
  'interface mismatch',
  'safety finding',
];

export const OPTION_TITLES: readonly string[] = [
  'Rework to the current design',
  'Qualify an alternate source',
  'Accept with a waiver and monitor',
  'Redesign the affected part',
  'Defer to the next block',
];
