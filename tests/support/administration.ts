import type { ApiClient } from './client';
import { DatabaseTarget, testDatabase } from './database';

/** GraphQL documents and helpers for program set-up and account administration. */

export const USER_FIELDS = `id email name active isSystemAdmin`;
export const TEAM_FIELDS = `
  id name tier charter active version
  parentTeam { id name tier }
  childTeams { id name tier }
  members { id discipline role decisionAuthority user { email } }
`;
export const PROGRAM_FIELDS = `
  id key name phase timeZone version myRole
  disciplines { code name agreeRole }
  roles { role user { email } }
`;
export const MEMBERSHIP_FIELDS = `id discipline role decisionAuthority user { id email } team { id name }`;

export const CREATE_PROGRAM = `mutation ($input: CreateProgramInput!) { createProgram(input: $input) { ${PROGRAM_FIELDS} } }`;
export const UPDATE_PROGRAM = `mutation ($input: UpdateProgramInput!) { updateProgram(input: $input) { ${PROGRAM_FIELDS} } }`;
export const ADD_DISCIPLINE = `mutation ($input: AddDisciplineInput!) { addDiscipline(input: $input) { ${PROGRAM_FIELDS} } }`;
export const SET_PROGRAM_ROLE = `mutation ($input: SetProgramRoleInput!) { setProgramRole(input: $input) { ${PROGRAM_FIELDS} } }`;
export const PROGRAM = `query ($key: String!) { program(key: $key) { ${PROGRAM_FIELDS} } }`;

export const LADDER = `query ($programKey: String!) { teams(programKey: $programKey) { ${TEAM_FIELDS} } }`;
export const CREATE_TEAM = `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { ${TEAM_FIELDS} } }`;
export const UPDATE_TEAM = `mutation ($input: UpdateTeamInput!) { updateTeam(input: $input) { ${TEAM_FIELDS} } }`;
export const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
export const UPDATE_MEMBER = `mutation ($input: UpdateMemberInput!) { updateMember(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
export const REMOVE_MEMBER = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { ${MEMBERSHIP_FIELDS} } }`;

export const USERS = `{ users { ${USER_FIELDS} } }`;
export const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
export const DEACTIVATE_USER = `mutation ($input: UserRefInput!) { deactivateUser(input: $input) { ${USER_FIELDS} } }`;
export const REACTIVATE_USER = `mutation ($input: UserRefInput!) { reactivateUser(input: $input) { ${USER_FIELDS} } }`;
export const RESET_PASSWORD = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { ${USER_FIELDS} } }`;
export const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { ${USER_FIELDS} } }`;

export interface UserView {
  id: string;
  email: string;
  name: string;
  active: boolean;
  isSystemAdmin: boolean;
}

export interface TeamView {
  id: string;
  name: string;
  tier: string;
  charter: string;
  active: boolean;
  version: number;
  parentTeam: { id: string; name: string; tier: string } | null;
  childTeams: { id: string; name: string; tier: string }[];
  members: {
    id: string;
    discipline: string;
    role: string;
    decisionAuthority: boolean;
    user: { email: string };
  }[];
}

export interface ProgramView {
  id: string;
  key: string;
  name: string;
  phase: string;
  timeZone: string;
  version: number;
  myRole: string | null;
  disciplines: { code: string; name: string; agreeRole: boolean }[];
  roles: { role: string; user: { email: string } }[];
}

export interface MembershipView {
  id: string;
  discipline: string;
  role: string;
  decisionAuthority: boolean;
  user: { id: string; email: string };
  team: { id: string; name: string };
}

/** One row of the events table, as an auditor reads it. */
export interface StoredEvent {
  seq: number;
  type: string;
  actorId: string | null;
  programId: string | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: string;
}

/** The stored events of these types (all when none given), oldest first. */
export async function storedEvents(
  target: DatabaseTarget,
  ...types: string[]
): Promise<StoredEvent[]> {
  const rows = await testDatabase(target).query<{
    seq: number;
    type: string;
    actor_id: string | null;
    program_id: string | null;
    entity_type: string;
    entity_id: string;
    before: string | null;
    after: string | null;
    at: string;
  }>(
    `SELECT seq, type, actor_id, program_id, entity_type, entity_id, before, after, at FROM events ORDER BY seq`,
  );
  return rows
    .filter((row) => types.length === 0 || types.includes(row.type))
    .map((row) => ({
      seq: row.seq,
      type: row.type,
      actorId: row.actor_id,
      programId: row.program_id,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before === null ? null : (JSON.parse(row.before) as Record<string, unknown>),
      after: row.after === null ? null : (JSON.parse(row.after) as Record<string, unknown>),
      at: row.at,
    }));
}

/** The latest stored event, to check a change left exactly one more behind. */
export async function lastEvent(target: DatabaseTarget): Promise<StoredEvent> {
  const events = await storedEvents(target);
  const last = events.at(-1);
  if (!last) throw new Error('No events stored');
  return last;
}

export async function ladder(client: ApiClient, programKey = 'HX'): Promise<TeamView[]> {
  return (await client.ok<{ teams: TeamView[] }>(LADDER, { programKey })).teams;
}

export async function teamNamed(client: ApiClient, name: string, programKey = 'HX') {
  const team = (await ladder(client, programKey)).find((t) => t.name === name);
  if (!team) throw new Error(`No team ${name} in ${programKey}`);
  return team;
}

export async function readProgram(client: ApiClient, key = 'HX'): Promise<ProgramView> {
  return (await client.ok<{ program: ProgramView }>(PROGRAM, { key })).program;
}

/** A new account made by a system admin; its password is `${name}-password-1`. */
export async function createAccount(
  admin: ApiClient,
  name: string,
  isSystemAdmin = false,
): Promise<UserView & { password: string }> {
  const password = `${name}-password-1`;
  const user = (
    await admin.ok<{ createUser: UserView }>(CREATE_USER, {
      input: { email: `${name}@example.org`, name: `${name} Person`, password, isSystemAdmin },
    })
  ).createUser;
  return { ...user, password };
}
