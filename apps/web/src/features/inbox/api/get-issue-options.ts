import { graphql } from '../../../gql';
import type { IssueOptionsQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const IssueOptionsDocument = graphql(`
  query IssueOptions($key: String!) {
    issue(key: $key) {
      id
      version
      status
      options {
        id
        label
        title
        description
        impacts
      }
    }
  }
`);

export type IssueOptions = IssueOptionsQuery['issue'];

/** An issue's current version and options: read again after a CONFLICT, before resubmitting. */
export async function getIssueOptions(key: string, signal?: AbortSignal): Promise<IssueOptions> {
  return (await request(IssueOptionsDocument, { key }, { signal })).issue;
}
