import { graphql } from '../../../gql';
import type { WaiveDisciplineInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueWaiveDisciplineDocument = graphql(`
  mutation IssueWaiveDiscipline($input: WaiveDisciplineInput!) {
    waiveDiscipline(input: $input) {
      id
      version
    }
  }
`);

/** A program manager's recorded reason to proceed without a required discipline. */
export async function waiveDiscipline(input: WaiveDisciplineInput): Promise<IssueChange> {
  const data = await request(IssueWaiveDisciplineDocument, { input });
  return data.waiveDiscipline;
}
