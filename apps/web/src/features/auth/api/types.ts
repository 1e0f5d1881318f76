/** The signed-in person, as the header and permission checks need them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isSystemAdmin: boolean;
}
