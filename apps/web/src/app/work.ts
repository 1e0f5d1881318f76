import { createContext, useContext } from 'react';
import { graphql } from '../gql';
import { request } from '../lib/graphql';
import type { QueryResult } from '../lib/use-query';

export const MyWorkDocument = graphql(`
  query MyWork {
    myWork {
      landing
      screens
    }
  }
`);

export type MyWork = Awaited<ReturnType<typeof getMyWork>>;

/** The kinds of work the signed-in person does: where they land, which screens they see. */
export async function getMyWork(signal?: AbortSignal) {
  return (await request(MyWorkDocument, {}, { signal })).myWork;
}

/** The signed-in frame loads the person's work once; the landing and the navigation share it. */
export const WorkContext = createContext<QueryResult<MyWork> | null>(null);

export function useWork(): QueryResult<MyWork> {
  const value = useContext(WorkContext);
  if (value === null) throw new Error('useWork must be used inside the signed-in frame.');
  return value;
}
