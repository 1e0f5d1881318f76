import { graphql } from '../../../gql';
import type { CommentOnIssueInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueCommentDocument = graphql(`
  mutation IssueComment($input: CommentOnIssueInput!) {
    commentOnIssue(input: $input) {
      id
      version
    }
  }
`);

/** Adds a comment; takes no version and leaves the issue version alone. */
export async function commentOnIssue(input: CommentOnIssueInput): Promise<IssueChange> {
  const data = await request(IssueCommentDocument, { input });
  return data.commentOnIssue;
}
