import { graphql } from '../../../gql';
import type { AddMemberInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupAddMemberDocument = graphql(`
  mutation SetupAddMember($input: AddMemberInput!) {
    addMember(input: $input) {
      id
    }
  }
`);

/** Puts a person on a team for one discipline. */
export async function addMember(input: AddMemberInput) {
  return (await request(SetupAddMemberDocument, { input })).addMember;
}
