import type { TeamRole, Tier } from '@ipt/domain';

/**
 * The demo program's people and teams. Accounts exist only in demo mode; all share one password,
 * which the sign-in page and the start message show.
 */
export const DEMO_PASSWORD = 'ipt-demo-pass';

export interface DemoPerson {
  readonly email: string;
  readonly name: string;
  readonly title: string;
  readonly isSystemAdmin?: boolean;
  readonly programManager?: boolean;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { email: 'admin@example.com', name: 'Avery Adams', title: 'System admin', isSystemAdmin: true },
  { email: 'pm@example.com', name: 'Pat Morgan', title: 'Program manager', programManager: true },
  { email: 'lead@example.com', name: 'Lee Ramirez', title: 'PEO, decision authority on the OIPT' },
  {
    email: 'engineering@example.com',
    name: 'Erin Engel',
    title: 'Systems engineering representative',
  },
  { email: 'test@example.com', name: 'Theo Tran', title: 'Test & evaluation representative' },
  {
    email: 'logistics@example.com',
    name: 'Lena Lopez',
    title: 'Logistics / product support representative',
  },
  { email: 'contracting@example.com', name: 'Carlos Chen', title: 'Contracting representative' },
  {
    email: 'cost@example.com',
    name: 'Casey Coleman',
    title: 'Cost & financial management representative',
  },
  {
    email: 'manufacturing@example.com',
    name: 'Maya Moore',
    title: 'Manufacturing & quality representative',
  },
  {
    email: 'security@example.com',
    name: 'Sam Sutherland',
    title: 'Security / cybersecurity representative',
  },
  { email: 'safety@example.com', name: 'Sofia Santos', title: 'System safety representative' },
  {
    email: 'requirements@example.com',
    name: 'Rory Reyes',
    title: 'Requirements / user representative (capability manager)',
  },
];

export interface DemoTeam {
  readonly ref: string;
  readonly name: string;
  readonly tier: Tier;
  readonly parent: string | null;
  readonly charter: string;
  /** email -> [discipline, role, decision authority] */
  readonly members: Readonly<Record<string, readonly [string, TeamRole, boolean]>>;
}

export const DEMO_PROGRAM = {
  key: 'HX',
  name: 'HX Tactical Radio Modernization',
  phase: 'Engineering & Manufacturing Development',
  timeZone: 'America/New_York',
};

export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    ref: 'oipt',
    name: 'HX Overarching IPT',
    tier: 'OIPT',
    parent: null,
    charter:
      'Oversight and assessment of the program; the PEO decides issues that reach this level.',
    members: {
      'lead@example.com': ['program-management', 'LEAD', true],
      'pm@example.com': ['program-management', 'CORE', false],
      'engineering@example.com': ['engineering', 'ADVISORY', false],
      'cost@example.com': ['cost', 'ADVISORY', false],
      'contracting@example.com': ['contracting', 'ADVISORY', false],
      'requirements@example.com': ['requirements', 'ADVISORY', false],
    },
  },
  {
    ref: 'iipt',
    name: 'HX Integrating IPT',
    tier: 'IIPT',
    parent: 'oipt',
    charter: 'Integrates the WIPTs and resolves cross-cutting issues before they go to the OIPT.',
    members: {
      'pm@example.com': ['program-management', 'LEAD', true],
      'engineering@example.com': ['engineering', 'CORE', false],
      'test@example.com': ['test', 'CORE', false],
      'logistics@example.com': ['logistics', 'CORE', false],
      'contracting@example.com': ['contracting', 'CORE', false],
      'cost@example.com': ['cost', 'CORE', false],
      'manufacturing@example.com': ['manufacturing', 'CORE', false],
      'security@example.com': ['security', 'CORE', false],
      'safety@example.com': ['safety', 'CORE', false],
      'requirements@example.com': ['requirements', 'CORE', false],
    },
  },
  {
    ref: 'air',
    name: 'Radio Hardware WIPT',
    tier: 'WIPT',
    parent: 'iipt',
    charter: 'Design, qualification and production readiness of the radio hardware.',
    members: {
      'pm@example.com': ['program-management', 'LEAD', true],
      'engineering@example.com': ['engineering', 'CORE', false],
      'test@example.com': ['test', 'CORE', false],
      'manufacturing@example.com': ['manufacturing', 'CORE', false],
      'logistics@example.com': ['logistics', 'ADVISORY', false],
      'security@example.com': ['security', 'CORE', false],
    },
  },
  {
    ref: 'sustainment',
    name: 'Test & Sustainment WIPT',
    tier: 'WIPT',
    parent: 'iipt',
    charter: 'Test planning, support equipment, depot stand-up and their funding.',
    members: {
      'pm@example.com': ['program-management', 'LEAD', true],
      'test@example.com': ['test', 'CORE', false],
      'logistics@example.com': ['logistics', 'CORE', false],
      'cost@example.com': ['cost', 'CORE', false],
      'contracting@example.com': ['contracting', 'CORE', false],
      'safety@example.com': ['safety', 'CORE', false],
    },
  },
];
