import { graphql } from '../../../gql';
import type { SaveViewInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const TrackerSaveViewDocument = graphql(`
  mutation TrackerSaveView($input: SaveViewInput!) {
    saveView(input: $input) {
      id
      name
      programKey
      query
    }
  }
`);

/** Saves the view; the user's view of the same name is replaced. */
export async function saveView(input: SaveViewInput) {
  return (await request(TrackerSaveViewDocument, { input })).saveView;
}
