import { graphql } from '../../../gql';
import type { SubmitRecommendationInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueSubmitRecommendationDocument = graphql(`
  mutation IssueSubmitRecommendation($input: SubmitRecommendationInput!) {
    submitRecommendation(input: $input) {
      id
      version
    }
  }
`);

/** One discipline's recommendation; supersedes its previous one. */
export async function submitRecommendation(input: SubmitRecommendationInput): Promise<IssueChange> {
  const data = await request(IssueSubmitRecommendationDocument, { input });
  return data.submitRecommendation;
}
