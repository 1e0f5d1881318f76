import { graphql } from '../../../gql';
import type { UpdateMemberInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupUpdateMemberDocument = graphql(`
  mutation SetupUpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      id
    }
  }
`);

/** A membership's discipline, team role and decision authority. */
export async function updateMember(input: UpdateMemberInput) {
  return (await request(SetupUpdateMemberDocument, { input })).updateMember;
}
