import { graphqlRequest } from '../../../lib/graphql';
import type { Program } from './types';

export const PROGRAMS_QUERY = /* GraphQL */ `
  query Programs {
    programs {
      id
      key
      name
      phase
    }
  }
`;

/** The programs the signed-in user can see. */
export async function getPrograms(signal?: AbortSignal): Promise<Program[]> {
  const data = await graphqlRequest<{ programs: Program[] }>(PROGRAMS_QUERY, undefined, {
    signal,
  });
  return data.programs;
}
