import { graphql } from '../../../gql';
import type { DashboardTimelinessQueryVariables } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const DashboardTimelinessDocument = graphql(`
  query DashboardTimeliness($programKey: String!, $filter: TimelinessFilterInput, $asOf: DateTime) {
    timeliness(programKey: $programKey, filter: $filter, asOf: $asOf) {
      programKey
      asOf
      from
      to
      timeZone
      computedFrom
      headline {
        open {
          value
          previous
        }
        overdue {
          value
          previous
        }
        medianResolutionDays {
          value
          previous
        }
        decisionOnTimeRate {
          value
          previous
        }
        escalationRate {
          value
          previous
        }
      }
      aging {
        label
        minDays
        maxDays
        count
        raisedFrom
        raisedTo
      }
      resolution {
        count
        p50Days
        p90Days
      }
      recommendationLatency {
        discipline
        disciplineName
        count
        p50Days
        p90Days
        late
        pending
        onTimeRate
      }
      decisionLatencyByAuthority {
        teamId
        teamName
        tier
        authorityNames
        count
        p50Days
        p90Days
        onTimeRate
        pending
      }
      decisionLatencyByTier {
        tier
        count
        p50Days
        p90Days
        onTimeRate
      }
      tierDwell {
        tier
        open
        openAge {
          count
          p50Days
          p90Days
        }
        completed {
          count
          p50Days
          p90Days
        }
      }
      overdueIssues {
        issueKey
        title
        stage
        tier
        teamName
        dueAt
        lateByDays
        holders {
          userId
          name
          reason
          disciplineNames
        }
      }
      overdueIssueCount
      overdueActionItems {
        id
        issueKey
        title
        assigneeName
        dueAt
        lateByDays
      }
      overdueActionItemCount
      weekly {
        weekStart
        opened
        closed
        overdue
      }
      forecasts {
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
      forecastCount
      wiptResolutionShare
    }
  }
`);

export type TimelinessReportVariables = DashboardTimelinessQueryVariables;
export type TimelinessReport = Awaited<ReturnType<typeof getTimelinessReport>>;
export type AgingBand = TimelinessReport['aging'][number];
export type DisciplineLatency = TimelinessReport['recommendationLatency'][number];
export type AuthorityLatency = TimelinessReport['decisionLatencyByAuthority'][number];
export type TierDwell = TimelinessReport['tierDwell'][number];
export type WeekCount = TimelinessReport['weekly'][number];
export type DecisionForecast = TimelinessReport['forecasts'][number];
export type HeadlineFigure = TimelinessReport['headline']['open'];

/** A program's timeliness figures, as of an instant (now when left out), under the filters. */
export async function getTimelinessReport(
  variables: TimelinessReportVariables,
  signal?: AbortSignal,
) {
  return (await request(DashboardTimelinessDocument, variables, { signal })).timeliness;
}
