import { graphql } from '../../../gql';
import type { SubmitRecommendationInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SubmitRecommendationDocument = graphql(`
  mutation SubmitRecommendation($input: SubmitRecommendationInput!) {
    submitRecommendation(input: $input) {
      id
      key
      version
      status
    }
  }
`);

/** Your discipline's recommendation; a stale `version` is refused with CONFLICT. */
export async function submitRecommendation(input: SubmitRecommendationInput) {
  return (await request(SubmitRecommendationDocument, { input })).submitRecommendation;
}
