import type {
  SetupProgramQuery,
  SetupProgramsQuery,
  SetupTeamsQuery,
  SetupUsersQuery,
} from '../../../gql/graphql';

export type SetupProgramSummary = SetupProgramsQuery['programs'][number];
export type SetupProgram = SetupProgramQuery['program'];
export type SetupTeam = SetupTeamsQuery['teams'][number];
export type SetupMember = SetupTeam['members'][number];
export type SetupUser = SetupUsersQuery['users'][number];

/** Someone who can be given a role or a team seat. */
export interface Person {
  id: string;
  name: string;
  email: string;
  active: boolean;
}
