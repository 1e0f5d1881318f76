import { graphql } from '../../../gql';
import type { MyDecisionQueueQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const MyDecisionQueueDocument = graphql(`
  query MyDecisionQueue {
    myDecisionQueue {
      dueAt
      team {
        id
        name
        tier
      }
      assignees {
        id
        name
      }
      issue {
        id
        key
        title
        version
        status
        conditionStatement
        impactArea
        consequence
        readyAt
        viewerActions
        stageClocks {
          stage
          state
          startedAt
          dueAt
          dueSource
          finishedAt
          elapsedDays
          lateByDays
        }
        decisionForecast {
          p50At
          p90At
          basis
          basisLabel
          basisCount
          dueAt
        }
        program {
          key
          timeZone
          disciplines {
            code
            name
          }
        }
        options {
          id
          label
          title
          description
          impacts
        }
        coverage {
          discipline
          state
          recommendation {
            id
            rationale
            impactAssessment
            alternatives
            submittedAt
            option {
              id
              label
            }
            author {
              id
              name
            }
          }
          waiver {
            id
            reason
            waivedAt
            waivedBy {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export type QueueEntry = MyDecisionQueueQuery['myDecisionQueue'][number];
export type QueueIssue = QueueEntry['issue'];
export type QueueOption = QueueIssue['options'][number];
export type QueueCoverage = QueueIssue['coverage'][number];

/** The issues ready for the signed-in person's decision, oldest due first. */
export async function getMyDecisionQueue(signal?: AbortSignal): Promise<QueueEntry[]> {
  return (await request(MyDecisionQueueDocument, {}, { signal })).myDecisionQueue;
}
