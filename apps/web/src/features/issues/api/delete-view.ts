import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const TrackerDeleteViewDocument = graphql(`
  mutation TrackerDeleteView($id: ID!) {
    deleteView(id: $id) {
      id
      name
    }
  }
`);

/** Deletes one of the user's saved views. */
export async function deleteView(id: string) {
  return (await request(TrackerDeleteViewDocument, { id })).deleteView;
}
