import {
  CONTRACTING,
  COST,
  DemoStory,
  LOGISTICS,
  PM,
  REQUIREMENTS,
  SAFETY,
  TEST,
} from './demo-steps';

/** Issues raised on the Test & Sustainment WIPT: test resources, support, depot, contracts. */
export const SUSTAINMENT_STORIES: readonly DemoStory[] = [
  // IN_REVIEW with the recommendations overdue: contracting has not weighed in.
  [
    {
      kind: 'raise',
      day: -12,
      by: LOGISTICS,
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
      owner: LOGISTICS,
      consequence: 4,
      disciplines: ['cost', 'logistics', 'contracting'],
      due: { recommendations: -2, decision: 5, resolution: 60 },
    },
    {
      kind: 'option',
      day: -10,
      by: LOGISTICS,
      title: 'Reprogram FY27 funds from spares',
      description: 'Move $1.2M from initial spares to support equipment.',
      impacts: 'Spares coverage drops to 85% for the first year.',
    },
    {
      kind: 'option',
      day: -9.9,
      by: COST,
      title: 'Extend interim contractor support one year',
      description: 'Keep the contractor depot a year longer and fund test equipment in FY28.',
      impacts: 'Cost +$2.1M over the year; no readiness impact.',
    },
    {
      kind: 'recommend',
      day: -6,
      by: COST,
      discipline: 'cost',
      option: 'A',
      rationale: 'Reprogramming is cheaper by $0.9M and stays within the appropriation.',
    },
    {
      kind: 'recommend',
      day: -4,
      by: LOGISTICS,
      discipline: 'logistics',
      option: 'A',
      rationale: 'Spares at 85% are acceptable given the fielding rate in the first year.',
      alternatives: 'Interim support is acceptable if the reprogramming is refused.',
    },
    {
      kind: 'comment',
      day: -1,
      by: PM,
      body: 'Contracting: we need your recommendation by Monday to keep the decision slot on Wednesday.',
    },
  ],

  // OPEN, with the triage due date set by hand and already missed.
  [
    {
      kind: 'raise',
      day: -2,
      by: TEST,
      team: 'sustainment',
      title: 'Software safety assessment missing for the waveform update',
      condition:
        'Waveform software build 4.2 was delivered for developmental test without its software safety assessment; range safety will not authorise the flight test without it.',
      impactArea: 'SCHEDULE',
    },
    { kind: 'update', day: -1.9, by: PM, due: { triage: -0.5 } },
    {
      kind: 'comment',
      day: -1,
      by: SAFETY,
      body: 'The assessment needs the developer’s hazard tracking log for build 4.2; I requested it today.',
    },
  ],

  // CLOSED straight from DECIDED once its only action item was done.
  [
    {
      kind: 'raise',
      day: -96,
      by: TEST,
      team: 'sustainment',
      title: 'Radio transit case fails the 48-inch drop test',
      condition:
        'The reusable transit case cracked at two corners in the 48-inch drop test; two of the radios inside had broken antenna ports. Cases are needed for the developmental test shipments next month.',
      impactArea: 'PERFORMANCE',
    },
    {
      kind: 'triage',
      day: -95,
      by: PM,
      owner: LOGISTICS,
      consequence: 2,
      disciplines: ['logistics', 'test'],
      due: { recommendations: -90, decision: -88, resolution: -75 },
    },
    {
      kind: 'option',
      day: -94,
      by: LOGISTICS,
      title: 'Add foam corner blocks to the current case',
      description: 'Cut-in polyethylene corner blocks and a thicker base pad.',
      impacts: '$40 per case; one week.',
    },
    {
      kind: 'option',
      day: -93.9,
      by: LOGISTICS,
      title: 'Buy a MIL-STD-648 reusable container',
      description: 'Replace the case with a qualified commercial container.',
      impacts: '$610 per case; eight weeks lead time.',
    },
    {
      kind: 'recommend',
      day: -92,
      by: LOGISTICS,
      discipline: 'logistics',
      option: 'A',
      rationale: 'The corner blocks fix the failure seen and keep the PHS&T data unchanged.',
    },
    {
      kind: 'recommend',
      day: -91,
      by: TEST,
      discipline: 'test',
      option: 'A',
      rationale: 'Can redo the drop test next week on the modified case.',
    },
    {
      kind: 'decide',
      day: -89,
      by: PM,
      option: 'A',
      rationale: 'Cheap, quick, and both disciplines agree.',
      actionItems: [
        {
          title: 'Update the packaging drawing and PHS&T data',
          assignee: LOGISTICS,
          dueDay: -80,
        },
      ],
    },
    { kind: 'completeActionItem', day: -82, by: LOGISTICS, item: 0 },
    {
      kind: 'close',
      day: -78,
      by: PM,
      note: 'Modified case passed the 48-inch drop test; packaging drawing at revision B.',
    },
  ],

  // CLOSED, with cost's dissent and a late recommendation.
  [
    {
      kind: 'raise',
      day: -70,
      by: LOGISTICS,
      team: 'sustainment',
      title: 'Technical manuals lag the approved engineering changes',
      condition:
        'The draft operator and field-level IETMs reflect the baseline of 14 months ago; 23 approved ECPs are not incorporated, so next quarter’s logistics demonstration would validate obsolete procedures.',
      impactArea: 'SCHEDULE',
    },
    {
      kind: 'triage',
      day: -69,
      by: PM,
      owner: LOGISTICS,
      consequence: 3,
      disciplines: ['logistics', 'contracting', 'cost'],
      due: { recommendations: -62, decision: -58, resolution: -30 },
    },
    {
      kind: 'option',
      day: -68,
      by: CONTRACTING,
      title: 'Add an IETM update CLIN to the EMD contract',
      description: 'Bilateral modification for the contractor to incorporate all approved ECPs.',
      impacts: 'Not to exceed $340k; IETMs current in 10 weeks.',
    },
    {
      kind: 'option',
      day: -67.9,
      by: LOGISTICS,
      title: 'Government ILS team incorporates the changes',
      description: 'The organic technical writers update the IETMs from the ECP packages.',
      impacts: 'No contract cost; 16 weeks; the logistics demonstration slips a month.',
    },
    {
      kind: 'recommend',
      day: -65,
      by: LOGISTICS,
      discipline: 'logistics',
      option: 'A',
      rationale:
        'Only the contractor can reach the demonstration date; the organic team is short two writers.',
    },
    {
      kind: 'recommend',
      day: -63,
      by: CONTRACTING,
      discipline: 'contracting',
      option: 'A',
      rationale:
        'The work is within the scope of the EMD statement of work; a bilateral mod is quick.',
    },
    {
      kind: 'recommend',
      day: -61,
      by: COST,
      discipline: 'cost',
      option: 'B',
      rationale: 'Organic labour is already funded; the CLIN is $340k of new money.',
      alternatives: 'A is acceptable if funded from the logistics line, not the reserve.',
    },
    {
      kind: 'decide',
      day: -59,
      by: PM,
      option: 'A',
      rationale:
        'The logistics demonstration date drives this; a month of slip costs more than the CLIN.',
      conditions: 'Not to exceed $340k, funded from the FY26 logistics line.',
      actionItems: [
        {
          title: 'Negotiate the bilateral modification for IETM updates',
          assignee: CONTRACTING,
          dueDay: -40,
        },
      ],
    },
    {
      kind: 'comment',
      day: -58,
      by: COST,
      body: 'Funding confirmed on the FY26 RDT&E logistics line; no reserve used.',
    },
    { kind: 'completeActionItem', day: -42, by: CONTRACTING, item: 0 },
    {
      kind: 'close',
      day: -35,
      by: PM,
      note: 'Modification P00017 signed; IETM deliveries are in the IMS.',
    },
  ],

  // RESOLVED at the IIPT after escalation from the WIPT.
  [
    {
      kind: 'raise',
      day: -48,
      by: TEST,
      team: 'sustainment',
      title: 'Electronic warfare test range slot lost to a higher-priority program',
      condition:
        'The range reassigned the program’s three-week EW and jamming test window in Q3 to a higher-priority program. The next open window is five months later, after the operational assessment that depends on the EW results.',
      impactArea: 'SCHEDULE',
    },
    {
      kind: 'triage',
      day: -47,
      by: PM,
      owner: TEST,
      consequence: 4,
      disciplines: ['test', 'cost', 'contracting'],
      due: { recommendations: -42, decision: -38, resolution: -10 },
    },
    {
      kind: 'option',
      day: -46,
      by: TEST,
      title: 'Buy commercial range time at a contractor EW facility',
      description: 'Three weeks at a contractor open-air EW range with validated threat emulators.',
      impacts: 'Cost $600k; keeps the operational assessment date.',
    },
    {
      kind: 'option',
      day: -45.9,
      by: TEST,
      title: 'Run the EW test after the operational assessment',
      description:
        'Re-sequence: operational assessment first without EW, EW test in the next window.',
      impacts: 'No cost; the operational assessment reports without EW data.',
    },
    {
      kind: 'recommend',
      day: -44,
      by: TEST,
      discipline: 'test',
      option: 'A',
      rationale: 'The operational assessment is of little value without the EW results.',
    },
    {
      kind: 'recommend',
      day: -43,
      by: COST,
      discipline: 'cost',
      option: 'A',
      rationale:
        'The $600k is available in the test line if the limited user test moves two weeks.',
    },
    {
      kind: 'escalate',
      day: -41,
      by: PM,
      reason:
        'Re-sequencing moves the operational assessment, which the WIPT cannot decide, and the user representative must judge the commercial range data.',
    },
    {
      kind: 'update',
      day: -40.5,
      by: PM,
      disciplines: ['test', 'cost', 'contracting', 'requirements'],
    },
    {
      kind: 'recommend',
      day: -40,
      by: REQUIREMENTS,
      discipline: 'requirements',
      option: 'A',
      rationale: 'The user accepts contractor-range data if the threat emulation is validated.',
    },
    {
      kind: 'recommend',
      day: -39,
      by: CONTRACTING,
      discipline: 'contracting',
      option: 'A',
      rationale: 'A task order on the existing test-services IDIQ can be awarded in three weeks.',
    },
    {
      kind: 'decide',
      day: -37,
      by: PM,
      option: 'A',
      rationale: 'Keeps the operational assessment date with the EW data it needs.',
      conditions: 'Threat emulation validated by the intelligence community before the test.',
      actionItems: [
        {
          title: 'Award the task order for contractor EW range time',
          assignee: CONTRACTING,
          dueDay: -25,
        },
        { title: 'Obtain threat-emulation validation', assignee: TEST, dueDay: -20 },
      ],
    },
    { kind: 'completeActionItem', day: -27, by: CONTRACTING, item: 0 },
    { kind: 'completeActionItem', day: -15, by: TEST, item: 1 },
    {
      kind: 'resolve',
      day: -14,
      by: PM,
      note: 'EW test booked at the contractor range in weeks 20-22 with validated emulators.',
    },
  ],

  // AWAITING_DECISION with the decision overdue.
  [
    {
      kind: 'raise',
      day: -26,
      by: CONTRACTING,
      team: 'sustainment',
      title: 'Interim contractor support ends before the depot is activated',
      condition:
        'The last option period of the interim contractor support contract ends on 30 September; the organic depot will not be activated until January at the earliest, leaving three to four months with no repair source for fielded radios.',
      impactArea: 'SCHEDULE',
    },
    {
      kind: 'triage',
      day: -25,
      by: PM,
      owner: CONTRACTING,
      consequence: 3,
      disciplines: ['contracting', 'logistics', 'cost'],
      due: { recommendations: -18, decision: -12, resolution: 20 },
    },
    {
      kind: 'option',
      day: -24,
      by: CONTRACTING,
      title: 'Sole-source a six-month bridge contract',
      description: 'Justification and approval for a bridge with the incumbent.',
      impacts: 'Negotiated rates; J&A takes about 60 days.',
    },
    {
      kind: 'option',
      day: -23.9,
      by: CONTRACTING,
      title: 'Use the FAR 52.217-8 extension of services clause',
      description: 'Extend the current contract up to six months at its current rates.',
      impacts: 'Fast (notice of intent only); rates 8% above a negotiated bridge.',
    },
    {
      kind: 'recommend',
      day: -20,
      by: CONTRACTING,
      discipline: 'contracting',
      option: 'B',
      rationale: 'The J&A cannot be approved before 30 September; 52.217-8 can.',
    },
    {
      kind: 'recommend',
      day: -19,
      by: LOGISTICS,
      discipline: 'logistics',
      option: 'B',
      rationale: 'Any gap in repair coverage grounds the fielded units’ spares pipeline.',
    },
    {
      kind: 'recommend',
      day: -17,
      by: COST,
      discipline: 'cost',
      option: 'A',
      rationale: 'The extension costs about $190k more than a negotiated bridge.',
      alternatives: 'B is acceptable for at most three months.',
    },
    {
      kind: 'comment',
      day: -9,
      by: PM,
      body: 'Legal review of the 52.217-8 use requested; decision at the next WIPT.',
    },
    {
      kind: 'comment',
      day: -3,
      by: CONTRACTING,
      body: 'The contracting officer needs the decision by the 15th to send the notice of intent in time.',
    },
  ],

  // WITHDRAWN from IN_REVIEW: overtaken by events.
  [
    {
      kind: 'raise',
      day: -28,
      by: TEST,
      team: 'sustainment',
      title: 'Radio test set calibration certificates expired',
      condition:
        'Four of six radio test sets at the integration lab have expired calibration certificates; results recorded on them since expiry may not be accepted for developmental test.',
      impactArea: 'SCHEDULE',
    },
    {
      kind: 'triage',
      day: -27,
      by: PM,
      owner: TEST,
      consequence: 2,
      disciplines: ['test', 'logistics'],
      due: { recommendations: -22, decision: -20, resolution: -10 },
    },
    {
      kind: 'comment',
      day: -26,
      by: LOGISTICS,
      body: 'The calibration lab can take all four sets this week at no cost to the program.',
    },
    {
      kind: 'withdraw',
      day: -24,
      by: PM,
      reason:
        'Moot: the calibration lab found all four sets in tolerance as received, so the recorded results stand. No decision needed.',
    },
  ],
];
