import { graphql } from '../../../gql';
import type { IssueProgramPeopleQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const IssueProgramPeopleDocument = graphql(`
  query IssueProgramPeople($key: String!) {
    program(key: $key) {
      id
      key
      myRole
      disciplines {
        code
        name
      }
      teams {
        id
        name
        tier
        active
        members {
          id
          discipline
          user {
            id
            name
            email
            active
          }
        }
      }
    }
  }
`);

export type IssueProgram = IssueProgramPeopleQuery['program'];

/** The program's disciplines, teams and members: who may own an issue or take an action item. */
export async function getProgramPeople(
  programKey: string,
  signal?: AbortSignal,
): Promise<IssueProgram> {
  const data = await request(IssueProgramPeopleDocument, { key: programKey }, { signal });
  return data.program;
}
