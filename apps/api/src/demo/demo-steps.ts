/**
 * The vocabulary of the demo stories: each story is one issue's history, a list of steps played
 * through the real services. `day` is relative to the moment of loading (negative: in the past);
 * fractions place steps within a day. Every step happens in the past and after the step before it.
 */

/** The demo cast by role, so stories read as who did what. */
export const PM = 'pm@example.com';
export const PEO = 'lead@example.com';
export const ENGINEERING = 'engineering@example.com';
export const TEST = 'test@example.com';
export const LOGISTICS = 'logistics@example.com';
export const CONTRACTING = 'contracting@example.com';
export const COST = 'cost@example.com';
export const MANUFACTURING = 'manufacturing@example.com';
export const SECURITY = 'security@example.com';
export const SAFETY = 'safety@example.com';
export const REQUIREMENTS = 'requirements@example.com';

/** Options are named by the label the app gives them: A, B, C ... in the order added. */
export type OptionLabel = 'A' | 'B' | 'C' | 'D';

export interface DemoActionItem {
  readonly title: string;
  readonly assignee: string;
  readonly dueDay: number;
}

/** Stage due dates as days relative to loading; the triage due date only before triage. */
export interface DemoDueDays {
  readonly triage?: number;
  readonly recommendations?: number;
  readonly decision?: number;
  readonly resolution?: number;
}

export type DemoStepKind = DemoStep['kind'];

export type DemoStep = { readonly day: number; readonly by: string } & (
  | {
      readonly kind: 'raise';
      /** A team ref of DEMO_TEAMS. */
      readonly team: string;
      readonly title: string;
      readonly condition: string;
      readonly impactArea: 'COST' | 'SCHEDULE' | 'PERFORMANCE';
    }
  | {
      readonly kind: 'triage';
      readonly owner: string;
      readonly consequence: 1 | 2 | 3 | 4 | 5;
      readonly disciplines: readonly string[];
      readonly due: { recommendations: number; decision: number; resolution: number };
    }
  | {
      readonly kind: 'option';
      readonly title: string;
      readonly description: string;
      readonly impacts: string;
    }
  | {
      readonly kind: 'recommend';
      readonly discipline: string;
      readonly option: OptionLabel;
      readonly rationale: string;
      readonly impact?: string;
      readonly alternatives?: string;
    }
  | { readonly kind: 'waive'; readonly discipline: string; readonly reason: string }
  | {
      readonly kind: 'decide';
      readonly option: OptionLabel;
      readonly rationale: string;
      readonly conditions?: string;
      readonly actionItems?: readonly DemoActionItem[];
    }
  | {
      readonly kind: 'completeActionItem';
      /** The title, or the index in the latest decision's list of action items. */
      readonly item: number | string;
    }
  | { readonly kind: 'nonConcurrence'; readonly rationale: string; readonly impacts?: string }
  | { readonly kind: 'escalate'; readonly reason: string }
  | {
      readonly kind: 'update';
      readonly title?: string;
      readonly condition?: string;
      readonly consequence?: 1 | 2 | 3 | 4 | 5;
      readonly owner?: string;
      readonly disciplines?: readonly string[];
      readonly due?: DemoDueDays;
    }
  | { readonly kind: 'resolve'; readonly note?: string }
  | { readonly kind: 'close'; readonly note?: string }
  | { readonly kind: 'withdraw'; readonly reason: string }
  | { readonly kind: 'comment'; readonly body: string }
);

/** One issue's history, raise first. */
export type DemoStory = readonly DemoStep[];
