import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const TrackerSavedViewsDocument = graphql(`
  query TrackerSavedViews {
    savedViews {
      id
      name
      programKey
      query
    }
  }
`);

export type SavedView = Awaited<ReturnType<typeof getSavedViews>>[number];

/** The signed-in user's own saved views, by name. */
export async function getSavedViews(signal?: AbortSignal) {
  return (await request(TrackerSavedViewsDocument, {}, { signal })).savedViews;
}
