import { graphql } from '../../../gql';
import type { IssueVersionQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const IssueVersionDocument = graphql(`
  query IssueVersion($key: String!) {
    issue(key: $key) {
      id
      version
      status
      options {
        id
        label
        title
      }
    }
  }
`);

export type IssueVersion = IssueVersionQuery['issue'];

/** An issue's current version, status and options: read again after a CONFLICT. */
export async function getIssueVersion(key: string, signal?: AbortSignal): Promise<IssueVersion> {
  return (await request(IssueVersionDocument, { key }, { signal })).issue;
}
