import { graphql } from '../../../gql';
import type { IssueDetailQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const IssueDetailDocument = graphql(`
  query IssueDetail($key: String!) {
    issue(key: $key) {
      id
      key
      title
      conditionStatement
      impactArea
      consequence
      status
      tier
      version
      raisedAt
      triagedAt
      readyAt
      decidedAt
      resolvedAt
      closedAt
      withdrawnAt
      currentStage
      currentStageDueAt
      dueDates {
        triage
        recommendations
        decision
        resolution
      }
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
      raisedBy {
        id
        name
      }
      owner {
        id
        name
      }
      program {
        id
        key
        name
        timeZone
      }
      originTeam {
        id
        name
        tier
      }
      currentTeam {
        id
        name
        tier
        parentTeam {
          id
          name
          tier
        }
        members {
          id
          discipline
          role
          decisionAuthority
          user {
            id
            name
          }
        }
      }
      requiredDisciplines
      options {
        id
        label
        title
        description
        impacts
        createdAt
        createdBy {
          id
          name
        }
      }
      coverage {
        discipline
        state
        recommendation {
          id
          submittedAt
          author {
            id
            name
          }
          option {
            id
            label
            title
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
      recommendations {
        id
        discipline
        rationale
        impactAssessment
        alternatives
        submittedAt
        superseded
        supersededAt
        author {
          id
          name
        }
        option {
          id
          label
          title
        }
        team {
          id
          name
          tier
        }
      }
      decisions {
        id
        rationale
        conditions
        decidedAt
        dueAt
        onTime
        tier
        superseded
        supersededAt
        dissentingDisciplines
        option {
          id
          label
          title
        }
        decidedBy {
          id
          name
        }
        team {
          id
          name
          tier
        }
        nonConcurrences {
          id
          discipline
          rationale
          impacts
          filedAt
          author {
            id
            name
          }
          reviewTeam {
            id
            name
            tier
          }
        }
        actionItems {
          id
          title
          dueAt
          doneAt
          assignee {
            id
            name
          }
        }
      }
      escalations {
        id
        fromTier
        toTier
        reason
        source
        escalatedAt
        fromTeam {
          id
          name
        }
        toTeam {
          id
          name
        }
        escalatedBy {
          id
          name
        }
      }
      commentCount
      comments(last: 100) {
        id
        body
        createdAt
        author {
          id
          name
        }
      }
      timelineSize
      timeline(last: 100) {
        seq
        type
        entityType
        at
        before
        after
        actor {
          id
          name
        }
      }
      viewerActions
    }
  }
`);

/** Everything the issue page shows about one issue. */
export type IssueDetail = IssueDetailQuery['issue'];
export type IssueOption = IssueDetail['options'][number];
export type IssueRecommendation = IssueDetail['recommendations'][number];
export type IssueDecision = IssueDetail['decisions'][number];
export type IssueActionItem = IssueDecision['actionItems'][number];
export type IssueCoverageEntry = IssueDetail['coverage'][number];
export type IssueTimelineEvent = IssueDetail['timeline'][number];
export type IssueStageClock = IssueDetail['stageClocks'][number];

/** One issue by key; NOT_FOUND or FORBIDDEN when it does not exist or is not visible. */
export async function getIssue(key: string, signal?: AbortSignal): Promise<IssueDetail> {
  const data = await request(IssueDetailDocument, { key }, { signal });
  return data.issue;
}
