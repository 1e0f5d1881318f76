/**
 * The demo program's issues, each a story played through the real services. Days are relative
 * to the moment of loading (negative: in the past), so due dates and lateness stay believable.
 */
export type DemoStep =
  | {
      kind: 'raise';
      day: number;
      by: string;
      team: string;
      title: string;
      condition: string;
      impactArea: 'COST' | 'SCHEDULE' | 'PERFORMANCE';
    }
  | {
      kind: 'triage';
      day: number;
      by: string;
      owner: string;
      consequence: 1 | 2 | 3 | 4 | 5;
      disciplines: readonly string[];
      due: { recommendations: number; decision: number; resolution: number };
    }
  | { kind: 'option'; day: number; by: string; title: string; description: string; impacts: string }
  | {
      kind: 'recommend';
      day: number;
      by: string;
      discipline: string;
      option: number;
      rationale: string;
      impact?: string;
      alternatives?: string;
    }
  | {
      kind: 'decide';
      day: number;
      by: string;
      option: number;
      rationale: string;
      conditions?: string;
      actionItems?: readonly { title: string; assignee: string; dueDay: number }[];
    }
  | { kind: 'close'; day: number; by: string; note?: string };

const PM = 'pm@example.com';

export const DEMO_STORIES: readonly (readonly DemoStep[])[] = [
  [
    {
      kind: 'raise',
      day: -60,
      by: 'engineering@example.com',
      team: 'air',
      title: 'Connector corrosion found after salt-fog field trial',
      condition:
        'Three of twelve antenna connectors showed pitting after the 30-day salt-fog trial at the coastal test site; the qualification plan allows none. Units fielded with this connector risk intermittent RF loss.',
      impactArea: 'PERFORMANCE',
    },
    {
      kind: 'triage',
      day: -59,
      by: PM,
      owner: 'engineering@example.com',
      consequence: 3,
      disciplines: ['engineering', 'manufacturing'],
      due: { recommendations: -52, decision: -48, resolution: -30 },
    },
    {
      kind: 'option',
      day: -58,
      by: 'engineering@example.com',
      title: 'Switch to gold-plated connector (existing approved part)',
      description:
        'Replace the nickel-plated connector with the gold-plated variant already on the approved parts list.',
      impacts: 'Cost +$14 per unit; no schedule impact; removes the corrosion mode.',
    },
    {
      kind: 'option',
      day: -58,
      by: 'manufacturing@example.com',
      title: 'Add a conformal boot over the current connector',
      description: 'Keep the connector and add a silicone boot at final assembly.',
      impacts: 'Cost +$3 per unit; adds 4 minutes of assembly labour; field boots can tear.',
    },
    {
      kind: 'recommend',
      day: -55,
      by: 'engineering@example.com',
      discipline: 'engineering',
      option: 0,
      rationale:
        'The gold-plated part removes the failure mechanism instead of shielding it, and is already qualified.',
      impact: 'Low technical risk; requalification limited to a delta salt-fog test.',
    },
    {
      kind: 'recommend',
      day: -53,
      by: 'manufacturing@example.com',
      discipline: 'manufacturing',
      option: 0,
      rationale:
        'Same footprint and tooling; the supplier confirms lead time within the current build window.',
      alternatives: 'The boot would work as an interim fix for units already built.',
    },
    {
      kind: 'decide',
      day: -50,
      by: PM,
      option: 0,
      rationale:
        'Both disciplines favour the gold-plated connector; the unit cost increase is within the cost reserve.',
    },
    { kind: 'close', day: -45, by: PM, note: 'Delta salt-fog test passed; drawing updated.' },
  ],
  [
    {
      kind: 'raise',
      day: -30,
      by: 'test@example.com',
      team: 'air',
      title: 'Radome delamination in humidity testing',
      condition:
        'Two of four radome test articles delaminated at the skin-core bond after 10 humidity cycles (MIL-STD-810 Method 507). Without a fix, environmental qualification cannot complete and Milestone C slips.',
      impactArea: 'SCHEDULE',
    },
    {
      kind: 'triage',
      day: -29,
      by: PM,
      owner: 'engineering@example.com',
      consequence: 4,
      disciplines: ['engineering', 'test', 'manufacturing'],
      due: { recommendations: -22, decision: -18, resolution: 12 },
    },
    {
      kind: 'option',
      day: -28,
      by: 'engineering@example.com',
      title: 'Redesign the radome layup with a film adhesive',
      description: 'Change the bond from paste to film adhesive and add a vacuum bag cure step.',
      impacts: 'Cost +$180k non-recurring; 6 weeks to requalify; fixes root cause.',
    },
    {
      kind: 'option',
      day: -28,
      by: 'manufacturing@example.com',
      title: 'Tighten the cure process on the current layup',
      description:
        'Keep the design; control humidity in the lay-up room and extend the cure cycle.',
      impacts: 'Cost +$40k; 3 weeks; root cause only partly addressed.',
    },
    {
      kind: 'recommend',
      day: -25,
      by: 'engineering@example.com',
      discipline: 'engineering',
      option: 0,
      rationale:
        'Fractography shows poor wet-out of the paste adhesive; process control alone will not fix it.',
      impact: 'Requalification of the radome only; antenna patterns unaffected.',
    },
    {
      kind: 'recommend',
      day: -24,
      by: 'test@example.com',
      discipline: 'test',
      option: 0,
      rationale:
        'Test capacity is available in weeks 3-8; a second failure on the process-only fix would cost more time.',
    },
    {
      kind: 'recommend',
      day: -21,
      by: 'manufacturing@example.com',
      discipline: 'manufacturing',
      option: 1,
      rationale: 'The process fix is cheaper and faster; film adhesive needs new cold storage.',
      alternatives: 'Film adhesive is acceptable if cold storage is funded.',
    },
    {
      kind: 'decide',
      day: -19,
      by: PM,
      option: 0,
      rationale:
        'Root cause is the adhesive; redesign now rather than risk a second qualification failure.',
      conditions: 'Fund cold storage for film adhesive from the manufacturing reserve.',
      actionItems: [
        {
          title: 'Release the revised radome drawing',
          assignee: 'engineering@example.com',
          dueDay: 5,
        },
        {
          title: 'Install adhesive cold storage at the lay-up cell',
          assignee: 'manufacturing@example.com',
          dueDay: -2,
        },
      ],
    },
  ],
  [
    {
      kind: 'raise',
      day: -9,
      by: 'manufacturing@example.com',
      team: 'air',
      title: 'RF power amplifier supplier qualification slipping',
      condition:
        'The second-source supplier for the RF power amplifier has failed first-article inspection twice; the qualification date has moved four weeks and now falls after the LRIP long-lead order date.',
      impactArea: 'SCHEDULE',
    },
    {
      kind: 'triage',
      day: -8,
      by: PM,
      owner: 'manufacturing@example.com',
      consequence: 3,
      disciplines: ['engineering', 'manufacturing', 'test'],
      due: { recommendations: -3, decision: 2, resolution: 30 },
    },
    {
      kind: 'option',
      day: -7,
      by: 'manufacturing@example.com',
      title: 'Order LRIP long-lead from the primary supplier only',
      description:
        'Single-source the LRIP lot and continue second-source qualification in parallel.',
      impacts: 'No schedule impact; single-source risk for LRIP.',
    },
    {
      kind: 'option',
      day: -7,
      by: 'engineering@example.com',
      title: 'Delay the long-lead order four weeks',
      description: 'Wait for the second source to qualify before ordering.',
      impacts: 'LRIP deliveries slip four weeks.',
    },
    {
      kind: 'recommend',
      day: -5,
      by: 'manufacturing@example.com',
      discipline: 'manufacturing',
      option: 0,
      rationale:
        'The primary supplier has capacity for the LRIP lot; dual sourcing matters for full-rate production.',
    },
    {
      kind: 'recommend',
      day: -4,
      by: 'engineering@example.com',
      discipline: 'engineering',
      option: 0,
      rationale: 'Design is identical across sources; no technical reason to wait.',
    },
    {
      kind: 'recommend',
      day: -2,
      by: 'test@example.com',
      discipline: 'test',
      option: 0,
      rationale: 'Second-source qualification tests can run in parallel on the same fixtures.',
    },
  ],
  [
    {
      kind: 'raise',
      day: -12,
      by: 'logistics@example.com',
      team: 'sustainment',
      title: 'Depot test equipment not funded in the FY27 budget',
      condition:
        'The depot support equipment (radio test set and RF fixtures) was left out of the FY27 procurement line; without it the depot cannot be stood up by the planned date and interim contractor support must be extended.',
      impactArea: 'COST',
    },
    {
      kind: 'triage',
      day: -11,
      by: PM,
      owner: 'logistics@example.com',
      consequence: 4,
      disciplines: ['cost', 'logistics', 'contracting'],
      due: { recommendations: -2, decision: 5, resolution: 60 },
    },
    {
      kind: 'option',
      day: -10,
      by: 'logistics@example.com',
      title: 'Reprogram FY27 funds from spares',
      description: 'Move $1.2M from initial spares to support equipment.',
      impacts: 'Spares coverage drops to 85% for the first year.',
    },
    {
      kind: 'option',
      day: -10,
      by: 'cost@example.com',
      title: 'Extend interim contractor support one year',
      description: 'Keep the contractor depot a year longer and fund test equipment in FY28.',
      impacts: 'Cost +$2.1M over the year; no readiness impact.',
    },
    {
      kind: 'recommend',
      day: -6,
      by: 'cost@example.com',
      discipline: 'cost',
      option: 0,
      rationale: 'Reprogramming is cheaper by $0.9M and stays within the appropriation.',
    },
    {
      kind: 'recommend',
      day: -4,
      by: 'logistics@example.com',
      discipline: 'logistics',
      option: 0,
      rationale: 'Spares at 85% are acceptable given the fielding rate in the first year.',
      alternatives: 'Interim support is acceptable if the reprogramming is refused.',
    },
  ],
  [
    {
      kind: 'raise',
      day: -2,
      by: 'test@example.com',
      team: 'sustainment',
      title: 'Software safety assessment missing for the waveform update',
      condition:
        'Waveform software build 4.2 was delivered for developmental test without its software safety assessment; range safety will not authorise the flight test without it.',
      impactArea: 'SCHEDULE',
    },
  ],
];
