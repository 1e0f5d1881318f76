/**
 * The readiness packet of an issue awaiting decision: what each discipline recommends, how the
 * recommendations add up per option, who dissents from the most favoured option, and what was
 * waived. Pure: built from the issue as the API returns it.
 */

import { dissentingDisciplines } from '@ipt/domain';
import { disciplineNamer } from '../../lib/labels';

export { disciplineNamer };

export interface PacketOption {
  readonly id: string;
  readonly label: string;
  readonly title: string;
}

export interface PacketCoverage {
  readonly discipline: string;
  readonly state: string;
  readonly recommendation: {
    readonly id: string;
    readonly rationale: string;
    readonly impactAssessment: string;
    readonly alternatives: string;
    readonly submittedAt: string;
    readonly option: { readonly id: string; readonly label: string };
    readonly author: { readonly name: string };
  } | null;
  readonly waiver: {
    readonly reason: string;
    readonly waivedAt: string;
    readonly waivedBy: { readonly name: string };
  } | null;
}

/** One discipline's current recommendation. */
export interface Vote {
  readonly discipline: string;
  readonly disciplineName: string;
  readonly optionId: string;
  readonly optionLabel: string;
  readonly rationale: string;
  readonly impactAssessment: string;
  readonly alternatives: string;
  readonly authorName: string;
  readonly submittedAt: string;
}

export interface OptionTally {
  readonly option: PacketOption;
  /** The disciplines favouring it, in the order the issue requires them. */
  readonly votes: readonly Vote[];
}

export interface WaivedDiscipline {
  readonly discipline: string;
  readonly disciplineName: string;
  readonly reason: string;
  readonly waivedByName: string;
  readonly waivedAt: string;
}

export interface ReadinessPacket {
  readonly votes: readonly Vote[];
  /** Every option, in label order, with the disciplines favouring it (possibly none). */
  readonly tally: readonly OptionTally[];
  /** The options with the most votes (none when nobody recommended; several on a tie). */
  readonly mostFavoured: readonly PacketOption[];
  /** The disciplines favouring an option other than the most favoured one(s). */
  readonly dissent: readonly Vote[];
  readonly waivers: readonly WaivedDiscipline[];
  /** Required disciplines with neither recommendation nor waiver (none once ready). */
  readonly pending: readonly { discipline: string; disciplineName: string }[];
}

export function readinessPacket(
  options: readonly PacketOption[],
  coverage: readonly PacketCoverage[],
  nameOf: (code: string) => string,
): ReadinessPacket {
  const votes: Vote[] = coverage.flatMap(({ discipline, recommendation }) =>
    recommendation
      ? [
          {
            discipline,
            disciplineName: nameOf(discipline),
            optionId: recommendation.option.id,
            optionLabel: recommendation.option.label,
            rationale: recommendation.rationale,
            impactAssessment: recommendation.impactAssessment,
            alternatives: recommendation.alternatives,
            authorName: recommendation.author.name,
            submittedAt: recommendation.submittedAt,
          },
        ]
      : [],
  );
  const tally = options.map((option) => ({
    option,
    votes: votes.filter((vote) => vote.optionId === option.id),
  }));
  const most = Math.max(0, ...tally.map((t) => t.votes.length));
  const leading = most === 0 ? [] : tally.filter((t) => t.votes.length === most);
  // Who would dissent, by the rule a recorded decision applies, were a favourite chosen; on a tie,
  // those who would dissent whichever of the favourites were chosen.
  const dissentFromEach = leading.map((t) => new Set(dissentingDisciplines(votes, t.option.id)));
  const waivers = coverage.flatMap(({ discipline, recommendation, waiver }) =>
    waiver && !recommendation
      ? [
          {
            discipline,
            disciplineName: nameOf(discipline),
            reason: waiver.reason,
            waivedByName: waiver.waivedBy.name,
            waivedAt: waiver.waivedAt,
          },
        ]
      : [],
  );
  const pending = coverage
    .filter((c) => !c.recommendation && !c.waiver)
    .map((c) => ({ discipline: c.discipline, disciplineName: nameOf(c.discipline) }));
  return {
    votes,
    tally,
    mostFavoured: leading.map((t) => t.option),
    dissent:
      leading.length === 0
        ? []
        : votes.filter((vote) => dissentFromEach.every((dissent) => dissent.has(vote.discipline))),
    waivers,
    pending,
  };
}

/** One line a decision authority reads first: "B is favoured by 3 of 4 disciplines." */
export function tallySummary(packet: ReadinessPacket): string {
  const total = packet.votes.length;
  if (total === 0) return 'No discipline has recommended an option.';
  const [first, ...others] = packet.mostFavoured;
  if (!first) return 'No discipline has recommended an option.';
  const count = packet.tally.find((t) => t.option.id === first.id)?.votes.length ?? 0;
  const of = `${count} of ${total} ${total === 1 ? 'discipline' : 'disciplines'}`;
  if (others.length === 0) {
    return count === total
      ? `${first.label} is favoured by every recommending discipline (${total}).`
      : `${first.label} is favoured by ${of}.`;
  }
  const labels = packet.mostFavoured.map((o) => o.label);
  return `No single favourite: ${labels.slice(0, -1).join(', ')} and ${labels.at(-1)} are each favoured by ${of}.`;
}
