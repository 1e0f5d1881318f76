import { graphqlRequest } from '../../../lib/graphql';
import type { SessionUser } from './types';

export const LOGIN_MUTATION = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      email
      name
      isSystemAdmin
    }
  }
`;

export interface LoginInput {
  email: string;
  password: string;
}

/** Signs in; the server sets the HTTP-only session cookie. Wrong credentials: UNAUTHENTICATED. */
export async function login(input: LoginInput): Promise<SessionUser> {
  const data = await graphqlRequest<{ login: SessionUser }, LoginInput>(LOGIN_MUTATION, input);
  return data.login;
}
