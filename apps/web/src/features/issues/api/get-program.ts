import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const TrackerProgramDocument = graphql(`
  query TrackerProgram($key: String!) {
    program(key: $key) {
      id
      key
      name
      teams {
        id
        name
        tier
        active
        members {
          id
          user {
            id
            name
          }
        }
      }
      disciplines {
        code
        name
      }
      roles {
        user {
          id
          name
        }
      }
    }
    raisableTeams(programKey: $key) {
      id
      name
      tier
    }
  }
`);

export type TrackerProgram = Awaited<ReturnType<typeof getProgram>>;

/** What the tracker's filters and raise form offer for one program. */
export async function getProgram(key: string, signal?: AbortSignal) {
  const data = await request(TrackerProgramDocument, { key }, { signal });
  const people = new Map<string, { id: string; name: string }>();
  for (const { user } of data.program.roles) people.set(user.id, user);
  for (const team of data.program.teams) {
    for (const { user } of team.members) people.set(user.id, user);
  }
  return {
    ...data.program,
    /** Everyone with a role or a team seat in the program: who may own an issue. */
    people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)),
    raisableTeams: data.raisableTeams,
  };
}
