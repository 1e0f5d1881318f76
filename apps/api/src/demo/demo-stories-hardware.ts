import {
  CONTRACTING,
  COST,
  DemoStory,
  ENGINEERING,
  LOGISTICS,
  MANUFACTURING,
  PEO,
  PM,
  REQUIREMENTS,
  SECURITY,
  TEST,
} from './demo-steps';

/** Issues raised on the Radio Hardware WIPT: design, qualification, production, cybersecurity. */
export const HARDWARE_STORIES: readonly DemoStory[] = [
  // CLOSED: the textbook chain, long done.
  [
    {
      kind: 'raise',
      day: -60,
      by: ENGINEERING,
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
      owner: ENGINEERING,
      consequence: 3,
      disciplines: ['engineering', 'manufacturing'],
      due: { recommendations: -52, decision: -48, resolution: -30 },
    },
    {
      kind: 'option',
      day: -58,
      by: ENGINEERING,
      title: 'Switch to gold-plated connector (existing approved part)',
      description:
        'Replace the nickel-plated connector with the gold-plated variant already on the approved parts list.',
      impacts: 'Cost +$14 per unit; no schedule impact; removes the corrosion mode.',
    },
    {
      kind: 'option',
      day: -57.9,
      by: MANUFACTURING,
      title: 'Add a conformal boot over the current connector',
      description: 'Keep the connector and add a silicone boot at final assembly.',
      impacts: 'Cost +$3 per unit; adds 4 minutes of assembly labour; field boots can tear.',
    },
    {
      kind: 'recommend',
      day: -55,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'A',
      rationale:
        'The gold-plated part removes the failure mechanism instead of shielding it, and is already qualified.',
      impact: 'Low technical risk; requalification limited to a delta salt-fog test.',
    },
    {
      kind: 'recommend',
      day: -53,
      by: MANUFACTURING,
      discipline: 'manufacturing',
      option: 'A',
      rationale:
        'Same footprint and tooling; the supplier confirms lead time within the current build window.',
      alternatives: 'The boot would work as an interim fix for units already built.',
    },
    {
      kind: 'decide',
      day: -50,
      by: PM,
      option: 'A',
      rationale:
        'Both disciplines favour the gold-plated connector; the unit cost increase is within the cost reserve.',
    },
    {
      kind: 'comment',
      day: -47,
      by: TEST,
      body: 'Delta salt-fog test on six gold-plated connectors complete: no pitting after 30 days.',
    },
    { kind: 'close', day: -45, by: PM, note: 'Delta salt-fog test passed; drawing updated.' },
  ],

  // DECIDED, with manufacturing's dissent filed as a non-concurrence and an overdue action item.
  [
    {
      kind: 'raise',
      day: -30,
      by: TEST,
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
      owner: ENGINEERING,
      consequence: 4,
      disciplines: ['engineering', 'test', 'manufacturing'],
      due: { recommendations: -22, decision: -18, resolution: 12 },
    },
    {
      kind: 'option',
      day: -28,
      by: ENGINEERING,
      title: 'Redesign the radome layup with a film adhesive',
      description: 'Change the bond from paste to film adhesive and add a vacuum bag cure step.',
      impacts: 'Cost +$180k non-recurring; 6 weeks to requalify; fixes root cause.',
    },
    {
      kind: 'option',
      day: -27.9,
      by: MANUFACTURING,
      title: 'Tighten the cure process on the current layup',
      description:
        'Keep the design; control humidity in the lay-up room and extend the cure cycle.',
      impacts: 'Cost +$40k; 3 weeks; root cause only partly addressed.',
    },
    {
      kind: 'recommend',
      day: -25,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'A',
      rationale:
        'Fractography shows poor wet-out of the paste adhesive; process control alone will not fix it.',
      impact: 'Requalification of the radome only; antenna patterns unaffected.',
    },
    {
      kind: 'recommend',
      day: -24,
      by: TEST,
      discipline: 'test',
      option: 'A',
      rationale:
        'Test capacity is available in weeks 3-8; a second failure on the process-only fix would cost more time.',
    },
    {
      kind: 'recommend',
      day: -21,
      by: MANUFACTURING,
      discipline: 'manufacturing',
      option: 'B',
      rationale: 'The process fix is cheaper and faster; film adhesive needs new cold storage.',
      alternatives: 'Film adhesive is acceptable if cold storage is funded.',
    },
    {
      kind: 'decide',
      day: -19,
      by: PM,
      option: 'A',
      rationale:
        'Root cause is the adhesive; redesign now rather than risk a second qualification failure.',
      conditions: 'Fund cold storage for film adhesive from the manufacturing reserve.',
      actionItems: [
        { title: 'Release the revised radome drawing', assignee: ENGINEERING, dueDay: 5 },
        {
          title: 'Install adhesive cold storage at the lay-up cell',
          assignee: MANUFACTURING,
          dueDay: -2,
        },
      ],
    },
    {
      kind: 'nonConcurrence',
      day: -18,
      by: MANUFACTURING,
      rationale:
        'The manufacturing reserve was set aside for LRIP yield risk. Spending it on cold storage leaves no cover if first-pass yield on the new layup is below plan, and the process fix had not been tried.',
      impacts:
        'Reserve drops from $310k to $150k before LRIP; a yield shortfall would need new money.',
    },
    {
      kind: 'comment',
      day: -3,
      by: MANUFACTURING,
      body: 'The freezer was delivered on Tuesday; installation waits on the facilities power drop, now promised for next week.',
    },
  ],

  // AWAITING_DECISION: every discipline agrees; the decision is due in two days.
  [
    {
      kind: 'raise',
      day: -9,
      by: MANUFACTURING,
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
      owner: MANUFACTURING,
      consequence: 3,
      disciplines: ['engineering', 'manufacturing', 'test'],
      due: { recommendations: -3, decision: 2, resolution: 30 },
    },
    {
      kind: 'option',
      day: -7,
      by: MANUFACTURING,
      title: 'Order LRIP long-lead from the primary supplier only',
      description:
        'Single-source the LRIP lot and continue second-source qualification in parallel.',
      impacts: 'No schedule impact; single-source risk for LRIP.',
    },
    {
      kind: 'option',
      day: -6.9,
      by: ENGINEERING,
      title: 'Delay the long-lead order four weeks',
      description: 'Wait for the second source to qualify before ordering.',
      impacts: 'LRIP deliveries slip four weeks.',
    },
    {
      kind: 'recommend',
      day: -5,
      by: MANUFACTURING,
      discipline: 'manufacturing',
      option: 'A',
      rationale:
        'The primary supplier has capacity for the LRIP lot; dual sourcing matters for full-rate production.',
    },
    {
      kind: 'recommend',
      day: -4,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'A',
      rationale: 'Design is identical across sources; no technical reason to wait.',
    },
    {
      kind: 'recommend',
      day: -2,
      by: TEST,
      discipline: 'test',
      option: 'A',
      rationale: 'Second-source qualification tests can run in parallel on the same fixtures.',
    },
  ],

  // CLOSED through RESOLVED, with a waiver and an action item finished a day late.
  [
    {
      kind: 'raise',
      day: -75,
      by: TEST,
      team: 'air',
      title: 'Handset display washes out night-vision goggles',
      condition:
        'At its lowest backlight setting the handset display exceeds the NVIS radiance limit (MIL-STD-3009, Class B) and blooms AN/PVS-14 goggles. Soldiers have to cover the display at night, which also hides the channel and crypto status.',
      impactArea: 'PERFORMANCE',
    },
    {
      kind: 'triage',
      day: -74,
      by: PM,
      owner: ENGINEERING,
      consequence: 3,
      disciplines: ['engineering', 'test', 'manufacturing'],
      due: { recommendations: -67, decision: -63, resolution: -45 },
    },
    {
      kind: 'option',
      day: -73,
      by: ENGINEERING,
      title: 'Add an NVIS filter to the display stack',
      description: 'Laminate an NVIS-compatible filter between the LCD and the cover glass.',
      impacts: 'Cost +$22 per unit; new display assembly part number; 8 weeks.',
    },
    {
      kind: 'option',
      day: -72.9,
      by: ENGINEERING,
      title: 'Firmware night mode with a lower backlight floor',
      description:
        'Add a night mode that drops the backlight PWM floor to 0.5% and shifts the palette to green.',
      impacts: 'No recurring cost; firmware release 3.1.4; 3 weeks.',
    },
    {
      kind: 'recommend',
      day: -70,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'B',
      rationale:
        'Lab radiance measurements of the prototype night mode are 40% under the Class B limit.',
      alternatives: 'The filter remains the fallback if the display supplier changes the LED.',
    },
    {
      kind: 'recommend',
      day: -69,
      by: TEST,
      discipline: 'test',
      option: 'B',
      rationale:
        'A firmware change is retested in one night session; a new display needs a full EMI rerun.',
    },
    {
      kind: 'waive',
      day: -68,
      by: PM,
      discipline: 'manufacturing',
      reason:
        'Both options on the table leave the production line untouched in practice; manufacturing agreed at the WIPT meeting to proceed without its recommendation.',
    },
    {
      kind: 'decide',
      day: -64,
      by: PM,
      option: 'B',
      rationale:
        'Firmware night mode meets the limit at no recurring cost and is retested fastest.',
      actionItems: [
        { title: 'Release firmware 3.1.4 with night mode', assignee: ENGINEERING, dueDay: -55 },
        { title: 'Repeat the NVIS radiance test', assignee: TEST, dueDay: -50 },
      ],
    },
    { kind: 'completeActionItem', day: -56, by: ENGINEERING, item: 0 },
    { kind: 'completeActionItem', day: -49, by: TEST, item: 'Repeat the NVIS radiance test' },
    {
      kind: 'resolve',
      day: -48,
      by: PM,
      note: 'Firmware 3.1.4 passes NVIS Class B with margin.',
    },
    { kind: 'close', day: -44, by: PM, note: 'Night mode added to the operator manual.' },
  ],

  // WITHDRAWN from OPEN: a duplicate.
  [
    {
      kind: 'raise',
      day: -50,
      by: MANUFACTURING,
      team: 'air',
      title: 'Pitting on the handheld antenna port connector',
      condition:
        'Incoming inspection found pitting on 2 of 40 handheld antenna port connectors from supplier lot 2291.',
      impactArea: 'PERFORMANCE',
    },
    {
      kind: 'comment',
      day: -49.6,
      by: ENGINEERING,
      body: 'Lot 2291 is the same nickel-plated part number that failed the salt-fog trial.',
    },
    {
      kind: 'withdraw',
      day: -49.5,
      by: PM,
      reason:
        'Duplicate of the connector corrosion issue: same part and supplier lot. The decision to switch to the gold-plated connector covers the handheld port too.',
    },
  ],

  // RESOLVED, after a second decision superseded the interim one.
  [
    {
      kind: 'raise',
      day: -44,
      by: MANUFACTURING,
      team: 'air',
      title: 'Solder voids under the RF amplifier ground pad exceed IPC Class 3',
      condition:
        'X-ray of the first 60 RF boards shows 35-40% voiding under the power amplifier ground pad against a 25% limit (IPC-A-610 Class 3). The voids raise junction temperature and risk early amplifier failure in the field.',
      impactArea: 'PERFORMANCE',
    },
    {
      kind: 'triage',
      day: -43,
      by: PM,
      owner: MANUFACTURING,
      consequence: 3,
      disciplines: ['manufacturing', 'engineering'],
      due: { recommendations: -38, decision: -35, resolution: -5 },
    },
    {
      kind: 'option',
      day: -42,
      by: MANUFACTURING,
      title: '100% X-ray inspection and rework',
      description: 'X-ray every RF board and rework those over the limit.',
      impacts: '+6 minutes per board; rework yield unknown.',
    },
    {
      kind: 'option',
      day: -41.9,
      by: MANUFACTURING,
      title: 'New stencil aperture and reflow profile',
      description: 'Window-pane stencil aperture for the ground pad and a longer soak in reflow.',
      impacts: '$12k for stencils; 3 weeks to qualify on 30 boards.',
    },
    {
      kind: 'option',
      day: -41.8,
      by: ENGINEERING,
      title: 'Accept the voiding by thermal analysis',
      description:
        'Show by analysis that junction temperature stays within derating at 40% voiding.',
      impacts: 'No cost; needs thermal margin the amplifier may not have at +60 °C.',
    },
    {
      kind: 'recommend',
      day: -40,
      by: MANUFACTURING,
      discipline: 'manufacturing',
      option: 'A',
      rationale: 'Protects the boards being built now; the process change can follow.',
    },
    {
      kind: 'recommend',
      day: -39,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'B',
      rationale: 'Rework heat-stresses the board twice; fix the process that makes the voids.',
      alternatives: 'Analysis (C) does not close: margin at +60 °C is 3 °C.',
    },
    {
      kind: 'decide',
      day: -36,
      by: PM,
      option: 'A',
      rationale: 'Screen every board now so LRIP boards are good; revisit the process in a month.',
      actionItems: [{ title: 'Set up 100% X-ray on line 2', assignee: MANUFACTURING, dueDay: -30 }],
    },
    { kind: 'completeActionItem', day: -31, by: MANUFACTURING, item: 0 },
    { kind: 'resolve', day: -30, by: PM, note: 'X-ray station running on line 2.' },
    {
      kind: 'comment',
      day: -22,
      by: MANUFACTURING,
      body: 'Rework yield at the X-ray station is 71% and scrap is costing about $9k a week. Manufacturing now supports the process change (option B).',
    },
    {
      kind: 'decide',
      day: -20,
      by: PM,
      option: 'B',
      rationale:
        'Supersedes the interim inspection decision: rework yield is 71%, so the voids must be prevented, not screened.',
      conditions: 'Keep X-ray at 1 board in 10 once the new profile is qualified.',
      actionItems: [
        {
          title: 'Qualify the new stencil and reflow profile on 30 boards',
          assignee: MANUFACTURING,
          dueDay: -8,
        },
      ],
    },
    {
      kind: 'completeActionItem',
      day: -9,
      by: MANUFACTURING,
      item: 'Qualify the new stencil and reflow profile on 30 boards',
    },
    {
      kind: 'resolve',
      day: -7,
      by: PM,
      note: 'Voiding below 15% on all 30 qualification boards; X-ray sampling reduced to 1 in 10.',
    },
  ],

  // RESOLVED: cybersecurity findings fixed, test's input waived.
  [
    {
      kind: 'raise',
      day: -40,
      by: SECURITY,
      team: 'air',
      title: 'Firmware static analysis reports 41 CWE Top 25 findings',
      condition:
        'The cybersecurity gate on firmware build 3.2 found 41 CWE Top 25 findings, 12 of them buffer overflows in the key-management interface. The RMF assessment for the interim authority to test cannot close with open high findings.',
      impactArea: 'SCHEDULE',
    },
    {
      kind: 'triage',
      day: -39,
      by: PM,
      owner: SECURITY,
      consequence: 4,
      disciplines: ['security', 'engineering', 'test'],
      due: { recommendations: -34, decision: -31, resolution: -12 },
    },
    {
      kind: 'option',
      day: -38,
      by: SECURITY,
      title: 'Fix all high findings before the authority-to-test package',
      description: 'Fix the 12 high findings and re-scan; mediums go on the POA&M.',
      impacts: 'Two weeks of firmware effort; ATT package goes in 10 days later.',
    },
    {
      kind: 'option',
      day: -37.9,
      by: ENGINEERING,
      title: 'Request the ATT with every finding on a POA&M',
      description: 'Submit now and fix the findings during developmental test.',
      impacts: 'No delay if the authorizing official accepts; high risk of rejection.',
    },
    {
      kind: 'recommend',
      day: -36,
      by: SECURITY,
      discipline: 'security',
      option: 'A',
      rationale:
        'The authorizing official has rejected ATT packages with open high findings on two other programs this year.',
    },
    {
      kind: 'recommend',
      day: -35,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'B',
      rationale: 'Most findings sit in the legacy parser that is replaced in build 3.4 anyway.',
      impact: 'Fixing them now costs two weeks on code we will delete.',
    },
    {
      kind: 'waive',
      day: -34,
      by: PM,
      discipline: 'test',
      reason:
        'Neither option changes the test plan; the T&E representative confirmed and asked not to hold the decision.',
    },
    {
      kind: 'decide',
      day: -32,
      by: PM,
      option: 'A',
      rationale: 'An ATT rejection would cost more than two weeks; fix the highs first.',
      conditions: 'Medium and low findings go on the POA&M with dates.',
      actionItems: [
        { title: 'Fix and re-scan the 12 high findings', assignee: ENGINEERING, dueDay: -18 },
        {
          title: 'Submit the ATT package to the authorizing official',
          assignee: SECURITY,
          dueDay: -14,
        },
      ],
    },
    {
      kind: 'comment',
      day: -25,
      by: ENGINEERING,
      body: '9 of 12 highs fixed. The last three need a small refactor of the key-fill parser.',
    },
    { kind: 'completeActionItem', day: -19, by: ENGINEERING, item: 0 },
    { kind: 'completeActionItem', day: -13, by: SECURITY, item: 1 },
    {
      kind: 'resolve',
      day: -12,
      by: PM,
      note: 'Re-scan clean of high findings; ATT package accepted for review.',
    },
  ],

  // DECIDED at the OIPT by the PEO after two escalations; cost's non-concurrence on record.
  [
    {
      kind: 'raise',
      day: -38,
      by: SECURITY,
      team: 'air',
      title: 'Crypto module NSA certification slipping past Milestone C',
      condition:
        'NSA returned the embedded cryptographic module certification package with 17 comments. The vendor now forecasts certification four months after the planned Milestone C decision; without it the radios cannot enter IOT&E or be fielded.',
      impactArea: 'SCHEDULE',
    },
    {
      kind: 'triage',
      day: -37,
      by: PM,
      owner: SECURITY,
      consequence: 5,
      disciplines: ['security', 'engineering'],
      due: { recommendations: -33, decision: -30, resolution: 20 },
    },
    {
      kind: 'option',
      day: -36,
      by: SECURITY,
      title: 'Fund a vendor surge to answer the NSA comments',
      description: 'Add 6 crypto engineers at the vendor for 10 weeks.',
      impacts: 'Cost +$2.4M; certification back before Milestone C.',
    },
    {
      kind: 'option',
      day: -35.9,
      by: ENGINEERING,
      title: 'Move Milestone C four months',
      description: 'Re-plan Milestone C and IOT&E around the vendor forecast.',
      impacts: 'No added cost now; breaches the APB schedule threshold; standing army cost ~$1.1M.',
    },
    {
      kind: 'recommend',
      day: -34,
      by: SECURITY,
      discipline: 'security',
      option: 'A',
      rationale: 'Most comments are documentation gaps the vendor can close with more people.',
    },
    {
      kind: 'recommend',
      day: -33.5,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'A',
      rationale: 'No design change is needed; the schedule risk is staffing, which money fixes.',
    },
    {
      kind: 'escalate',
      day: -32,
      by: PM,
      reason:
        'The surge needs funds beyond the WIPT’s authority and the slip option moves the test program: the IIPT must weigh in with cost and contracting.',
    },
    {
      kind: 'update',
      day: -31.5,
      by: PM,
      disciplines: ['security', 'engineering', 'cost', 'contracting'],
    },
    {
      kind: 'recommend',
      day: -30,
      by: COST,
      discipline: 'cost',
      option: 'B',
      rationale:
        'FY26 has no $2.4M source without the management reserve; the slip costs less in total.',
      impact: 'Option A leaves the reserve at 3% against a 10% policy floor.',
    },
    {
      kind: 'recommend',
      day: -29,
      by: CONTRACTING,
      discipline: 'contracting',
      option: 'A',
      rationale:
        'The surge can be added to the existing crypto subcontract by a within-scope change order in two weeks.',
    },
    {
      kind: 'escalate',
      day: -27,
      by: PM,
      reason:
        'Both options breach an APB threshold (cost reserve or schedule); the PEO must decide.',
    },
    {
      kind: 'update',
      day: -26.5,
      by: PEO,
      disciplines: ['security', 'engineering', 'cost', 'contracting', 'requirements'],
      due: { decision: -22 },
    },
    {
      kind: 'recommend',
      day: -25,
      by: REQUIREMENTS,
      discipline: 'requirements',
      option: 'A',
      rationale:
        'The user needs the certified module at IOT&E; an interim approval does not cover the threat in the CDD.',
    },
    {
      kind: 'decide',
      day: -23,
      by: PEO,
      option: 'A',
      rationale:
        'Schedule is the binding constraint: fund the surge from the management reserve and restore the reserve in FY27.',
      conditions: 'Cost reports the reserve drawdown in the next quarterly DAES.',
      actionItems: [
        {
          title: 'Issue the change order for the vendor NSA comment surge',
          assignee: CONTRACTING,
          dueDay: -15,
        },
        {
          title: 'Re-baseline the certification milestones in the IMS',
          assignee: ENGINEERING,
          dueDay: -10,
        },
        {
          title: 'Report the reserve drawdown in the quarterly DAES',
          assignee: COST,
          dueDay: 10,
        },
      ],
    },
    {
      kind: 'nonConcurrence',
      day: -22,
      by: COST,
      rationale:
        'The management reserve is the program’s only cover for LRIP price risk. After this drawdown it is 3% against a 10% policy floor, and the FY27 restoration is not in the budget request.',
      impacts: 'An LRIP price overrun would have no cover and could trigger a unit cost breach.',
    },
    { kind: 'completeActionItem', day: -16, by: CONTRACTING, item: 0 },
    { kind: 'completeActionItem', day: -12, by: ENGINEERING, item: 1 },
    {
      kind: 'comment',
      day: -5,
      by: PEO,
      body: 'NSA confirmed receipt of all 17 responses; the certification board meets in six weeks.',
    },
  ],

  // IN_REVIEW at the IIPT after escalation; security still to recommend.
  [
    {
      kind: 'raise',
      day: -16,
      by: TEST,
      team: 'air',
      title: 'Radios lose sync with legacy SINCGARS nets after late net entry',
      condition:
        'In the joint user exercise, 6 of 20 radios in SINCGARS-compatible mode lost frequency-hopping sync after late net entry; the units fell back to single-channel plain text.',
      impactArea: 'PERFORMANCE',
    },
    {
      kind: 'triage',
      day: -15,
      by: PM,
      owner: ENGINEERING,
      consequence: 4,
      disciplines: ['engineering', 'test'],
      due: { recommendations: -10, decision: -6, resolution: 25 },
    },
    {
      kind: 'option',
      day: -14,
      by: ENGINEERING,
      title: 'Fix the late-net-entry timing in the waveform',
      description: 'Widen the sync acquisition window in waveform release 4.3.',
      impacts: 'Waveform regression test of 3 weeks; also changes the vehicle-mount variant.',
    },
    {
      kind: 'option',
      day: -13.9,
      by: TEST,
      title: 'Restrict late net entry by unit procedure',
      description: 'Units join nets only at the start of a hop set until a fix is fielded.',
      impacts: 'No cost; burdens operators; acceptable only for the operational assessment.',
    },
    {
      kind: 'recommend',
      day: -12,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'A',
      rationale: 'The root cause is a 2 ms acquisition window; the fix is small and testable.',
    },
    {
      kind: 'recommend',
      day: -11,
      by: TEST,
      discipline: 'test',
      option: 'A',
      rationale: 'We can reproduce the fault in the lab, so the fix can be verified before the OA.',
    },
    {
      kind: 'escalate',
      day: -10,
      by: PM,
      reason:
        'The waveform is shared with the vehicle-mount variant and the procedure option is the user’s call: the IIPT integrates requirements and security.',
    },
    {
      kind: 'update',
      day: -9.5,
      by: PM,
      disciplines: ['engineering', 'test', 'requirements', 'security'],
      due: { recommendations: 2, decision: 6 },
    },
    {
      kind: 'recommend',
      day: -4,
      by: REQUIREMENTS,
      discipline: 'requirements',
      option: 'A',
      rationale:
        'Late net entry is routine in the CONOPS; a procedure is acceptable for the OA only, never for fielding.',
    },
    {
      kind: 'comment',
      day: -3,
      by: SECURITY,
      body: 'I need the waveform change’s effect on the TRANSEC key schedule before I can recommend; the analysis is due Friday.',
    },
  ],

  // DECIDED with the resolution overdue and an overdue open action item.
  [
    {
      kind: 'raise',
      day: -34,
      by: LOGISTICS,
      team: 'air',
      title: 'Vehicle installation kit does not fit the JLTV rear rack',
      condition:
        'The vehicle installation kit mounting tray interferes with the JLTV rear rack bracket by 11 mm. Forty kits for the first unit equipped are due in ten weeks.',
      impactArea: 'PERFORMANCE',
    },
    {
      kind: 'triage',
      day: -33,
      by: PM,
      owner: ENGINEERING,
      consequence: 3,
      disciplines: ['engineering', 'logistics', 'manufacturing'],
      due: { recommendations: -28, decision: -25, resolution: -3 },
    },
    {
      kind: 'option',
      day: -32,
      by: ENGINEERING,
      title: 'Redesign the tray with a 15 mm offset',
      description: 'One tray for every vehicle, offset to clear the JLTV bracket.',
      impacts: 'New tooling $45k; 6 weeks; one part number.',
    },
    {
      kind: 'option',
      day: -31.9,
      by: MANUFACTURING,
      title: 'JLTV-only adapter plate',
      description: 'Keep the tray and add a machined adapter plate for JLTV installs.',
      impacts: '$60 per JLTV kit; 2 weeks; a second kit configuration to provision.',
    },
    {
      kind: 'recommend',
      day: -30,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'A',
      rationale: 'The offset tray also clears the next JLTV rack revision already announced.',
    },
    {
      kind: 'recommend',
      day: -29,
      by: LOGISTICS,
      discipline: 'logistics',
      option: 'A',
      rationale: 'One kit part number keeps provisioning and unit installs simple.',
    },
    {
      kind: 'recommend',
      day: -27,
      by: MANUFACTURING,
      discipline: 'manufacturing',
      option: 'B',
      rationale: 'The plate is a two-week turn; new tray tooling puts the first-unit kits at risk.',
    },
    {
      kind: 'decide',
      day: -25,
      by: PM,
      option: 'A',
      rationale: 'One configuration for the life of the fleet is worth the tooling cost.',
      actionItems: [
        { title: 'Release tray drawing revision C', assignee: ENGINEERING, dueDay: -15 },
        {
          title: 'Update the provisioning parts list for the new tray',
          assignee: LOGISTICS,
          dueDay: -5,
        },
        {
          title: 'First-article inspect five redesigned trays',
          assignee: MANUFACTURING,
          dueDay: 7,
        },
      ],
    },
    { kind: 'completeActionItem', day: -16, by: ENGINEERING, item: 0 },
    {
      kind: 'comment',
      day: -4,
      by: LOGISTICS,
      body: 'The provisioning update is waiting on DLA to assign the new tray’s NSN.',
    },
  ],

  // IN_REVIEW: consequence raised after a second failure.
  [
    {
      kind: 'raise',
      day: -6,
      by: TEST,
      team: 'air',
      title: 'Vehicle amplifier shuts down at +55 °C in hot-soak test',
      condition:
        'The 50 W vehicle amplifier reached thermal shutdown after 40 minutes at +55 °C (MIL-STD-810 Method 501, operating). The requirement is continuous operation at +60 °C in a closed vehicle.',
      impactArea: 'PERFORMANCE',
    },
    {
      kind: 'triage',
      day: -5,
      by: PM,
      owner: ENGINEERING,
      consequence: 3,
      disciplines: ['engineering', 'test', 'manufacturing'],
      due: { recommendations: 2, decision: 6, resolution: 40 },
    },
    {
      kind: 'option',
      day: -4,
      by: ENGINEERING,
      title: 'Larger heat sink and fan on the amplifier',
      description: 'New extruded heat sink and a 40 mm fan in the amplifier housing.',
      impacts: '+$85 per unit; +300 g; requalification of the amplifier.',
    },
    {
      kind: 'option',
      day: -3.9,
      by: ENGINEERING,
      title: 'Derate transmit power to 35 W above +50 °C',
      description: 'Firmware derating curve; no hardware change.',
      impacts: 'Range loss of about 15% in the hottest conditions.',
    },
    {
      kind: 'recommend',
      day: -2,
      by: ENGINEERING,
      discipline: 'engineering',
      option: 'A',
      rationale: 'Derating fails the KPP range at +60 °C; only more cooling meets the requirement.',
    },
    {
      kind: 'update',
      day: -1,
      by: PM,
      consequence: 4,
      condition:
        'The 50 W vehicle amplifier reached thermal shutdown after 40 minutes at +55 °C (MIL-STD-810 Method 501, operating), and a second unit after 35 minutes on the retest. The requirement is continuous operation at +60 °C in a closed vehicle.',
    },
  ],

  // OPEN, just raised.
  [
    {
      kind: 'raise',
      day: -1,
      by: TEST,
      team: 'air',
      title: 'Battery door latch breaks in transit drop test',
      condition:
        '2 of 6 handhelds lost the battery door latch in the 26-drop transit test (MIL-STD-810 Method 516, Procedure IV). A radio that drops its battery loses its crypto keys and must be refilled.',
      impactArea: 'PERFORMANCE',
    },
  ],
  [
    {
      kind: 'raise',
      day: -0.3,
      by: MANUFACTURING,
      team: 'air',
      title: 'Intercom adapter cable pin-out differs from the interface control document',
      condition:
        'The first 25 vehicle intercom adapter cables were built to drawing revision B, which swaps pins 4 and 7 against ICD revision D; the radios do not key the intercom through them.',
      impactArea: 'SCHEDULE',
    },
  ],
];
