import type { DemoStory } from './demo-steps';
import { HARDWARE_STORIES } from './demo-stories-hardware';
import { PROGRAM_STORIES } from './demo-stories-program';
import { SUSTAINMENT_STORIES } from './demo-stories-sustainment';

export type { DemoStep, DemoStory } from './demo-steps';

/**
 * The demo program's issues: a program office's month, with a few older issues long closed. Each
 * story is one issue's history played through the real services; the loader interleaves all the
 * stories' steps in time order, so issue keys and the event history follow the calendar.
 *
 * What the demo promises (tests/api/demo.test.ts checks it): issues in every status, decisions
 * with dissent, a superseded decision and non-concurrences, waivers, escalations up to the OIPT
 * decided by the PEO, action items done and open, comments, and work overdue as of loading.
 */
export const DEMO_STORIES: readonly DemoStory[] = [
  ...HARDWARE_STORIES,
  ...SUSTAINMENT_STORIES,
  ...PROGRAM_STORIES,
];
