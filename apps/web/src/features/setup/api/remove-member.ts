import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const SetupRemoveMemberDocument = graphql(`
  mutation SetupRemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      id
    }
  }
`);

/** Takes a person off a team. */
export async function removeMember(membershipId: string) {
  return (await request(SetupRemoveMemberDocument, { input: { membershipId } })).removeMember;
}
