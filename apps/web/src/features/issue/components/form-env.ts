import type { GraphQLRequestError } from '../../../lib/graphql';
import type { IssueDetail } from '../api/get-issue';
import type { IssueProgram } from '../api/get-program-people';
import type { IssueChange } from '../api/types';

/** What every action form is given by the issue page. */
export interface FormEnv {
  /** The issue as now shown (it follows live changes; forms keep what was typed). */
  issue: IssueDetail;
  /** The program's disciplines and people; null while loading or when it failed. */
  program: IssueProgram | null;
  programError: GraphQLRequestError | null;
  reloadProgram: () => void;
  viewerId: string | null;
  timeZone: string;
  /** The discipline a recommendation is for, when the screen that opened the form knows it. */
  discipline?: string;
  disciplineName: (code: string) => string;
  /** Fetches the issue afresh (and refreshes the page): used after a CONFLICT. */
  loadIssue: () => Promise<IssueDetail>;
  /** The change went through: close the form and say so. */
  onDone: (change: IssueChange, message: string) => void;
  onCancel: () => void;
}
