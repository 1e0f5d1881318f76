import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const MyDecisionTimelinessDocument = graphql(`
  query MyDecisionTimeliness($programKey: String!, $asOf: DateTime) {
    myDecisionTimeliness(programKey: $programKey, asOf: $asOf) {
      decided
      decidedOnTime
      decidedLate
      decidedUntimed
      onTimeRate
      pending {
        issueKey
        title
        teamName
        tier
        authorityNames
        readyAt
        dueAt
        p50At
        p90At
        basis
        basisCount
        basisLabel
      }
      decisions {
        issueKey
        title
        tier
        readyAt
        decidedAt
        dueAt
        latencyDays
        marginDays
      }
    }
  }
`);

export type MyDecisionTimeliness = Awaited<ReturnType<typeof getMyDecisionTimeliness>>;
export type MyDecision = MyDecisionTimeliness['decisions'][number];

/** Decisions waiting on me (with forecasts) and how timely my own decisions were. */
export async function getMyDecisionTimeliness(
  programKey: string,
  asOf: string | null,
  signal?: AbortSignal,
) {
  return (
    await request(MyDecisionTimelinessDocument, asOf ? { programKey, asOf } : { programKey }, {
      signal,
    })
  ).myDecisionTimeliness;
}
