import { graphql } from '../../../gql';
import type { FileNonConcurrenceInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueFileNonConcurrenceDocument = graphql(`
  mutation IssueFileNonConcurrence($input: FileNonConcurrenceInput!) {
    fileNonConcurrence(input: $input) {
      id
      version
    }
  }
`);

/** Formal dissent from the decision in force, sent one tier up for review. */
export async function fileNonConcurrence(input: FileNonConcurrenceInput): Promise<IssueChange> {
  const data = await request(IssueFileNonConcurrenceDocument, { input });
  return data.fileNonConcurrence;
}
