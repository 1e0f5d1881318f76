import { graphql } from '../../../gql';
import type { WithdrawIssueInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueWithdrawDocument = graphql(`
  mutation IssueWithdraw($input: WithdrawIssueInput!) {
    withdrawIssue(input: $input) {
      id
      version
    }
  }
`);

/** Ends an issue that needs no decision. */
export async function withdrawIssue(input: WithdrawIssueInput): Promise<IssueChange> {
  const data = await request(IssueWithdrawDocument, { input });
  return data.withdrawIssue;
}
