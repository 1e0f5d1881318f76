import { createHash } from 'node:crypto';

/** What a decision memorandum says: every field of it that must never change once recorded. */
export interface DecisionContent {
  readonly id: string;
  readonly issueId: string;
  readonly programId: string;
  readonly optionId: string;
  readonly rationale: string;
  readonly conditions: string;
  readonly decidedById: string;
  readonly teamId: string;
  readonly tier: string;
  readonly decidedAt: Date;
  readonly readyAt: Date | null;
  readonly dueAt: Date | null;
  readonly consideredRecommendationIds: readonly string[];
  readonly dissentingDisciplines: readonly string[];
  readonly supersedesId: string | null;
}

/**
 * The SHA-256 of a decision's content (fields in a fixed order). Stored with the decision and
 * carried in the event that recorded it, so the hash chain vouches for it: an edit of the decision
 * row behind the app's back no longer matches either (ADR 0014).
 */
export function decisionContentHash(decision: DecisionContent): string {
  const content = JSON.stringify([
    decision.id,
    decision.issueId,
    decision.programId,
    decision.optionId,
    decision.rationale,
    decision.conditions,
    decision.decidedById,
    decision.teamId,
    decision.tier,
    decision.decidedAt.toISOString(),
    decision.readyAt?.toISOString() ?? null,
    decision.dueAt?.toISOString() ?? null,
    decision.consideredRecommendationIds,
    decision.dissentingDisciplines,
    decision.supersedesId,
  ]);
  return createHash('sha256').update(content).digest('hex');
}
