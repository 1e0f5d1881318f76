import { graphql } from '../../../gql';
import type { AddOptionInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueAddOptionDocument = graphql(`
  mutation IssueAddOption($input: AddOptionInput!) {
    addOption(input: $input) {
      id
      version
    }
  }
`);

/** Adds a course of action to choose from. */
export async function addOption(input: AddOptionInput): Promise<IssueChange> {
  const data = await request(IssueAddOptionDocument, { input });
  return data.addOption;
}
