/** What every change to an issue answers: the issue's version after it. */
export interface IssueChange {
  id: string;
  version: number;
}
