import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const SetupProgramsDocument = graphql(`
  query SetupPrograms {
    programs {
      id
      key
      name
      myRole
    }
  }
`);

/** The programs the signed-in user can see, with their role in each. */
export async function getSetupPrograms(signal?: AbortSignal) {
  return (await request(SetupProgramsDocument, {}, { signal })).programs;
}
