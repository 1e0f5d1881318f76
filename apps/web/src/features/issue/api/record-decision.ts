import { graphql } from '../../../gql';
import type { RecordDecisionInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueRecordDecisionDocument = graphql(`
  mutation IssueRecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      id
      version
    }
  }
`);

/** Records the decision (superseding any current one), with its action items. */
export async function recordDecision(input: RecordDecisionInput): Promise<IssueChange> {
  const data = await request(IssueRecordDecisionDocument, { input });
  return data.recordDecision;
}
