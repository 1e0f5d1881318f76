import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const SetupProgramDocument = graphql(`
  query SetupProgram($key: String!) {
    program(key: $key) {
      id
      key
      name
      phase
      timeZone
      version
      myRole
      disciplines {
        code
        name
        agreeRole
      }
      roles {
        role
        user {
          id
          name
          email
          active
        }
      }
    }
  }
`);

/** One program's details, disciplines and program roles. */
export async function getSetupProgram(key: string, signal?: AbortSignal) {
  return (await request(SetupProgramDocument, { key }, { signal })).program;
}
