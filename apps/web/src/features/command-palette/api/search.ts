import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const PaletteSearchDocument = graphql(`
  query PaletteSearch($programKey: String!, $query: String!, $first: Int) {
    search(programKey: $programKey, query: $query, first: $first) {
      issues {
        id
        key
        title
        status
      }
      decisions {
        id
        decidedAt
        superseded
        option {
          label
          title
        }
        issue {
          key
          title
        }
      }
    }
  }
`);

export const PalettePrograms = graphql(`
  query PalettePrograms {
    programs {
      key
      name
    }
  }
`);

export type PaletteResults = Awaited<ReturnType<typeof searchProgram>>;

/** How many of each kind the palette shows: a screenful on a phone, a glance on a desktop. */
export const PALETTE_RESULTS = 8;

/** Issues and decisions of one program matching what was typed, best first. */
export async function searchProgram(programKey: string, query: string, signal?: AbortSignal) {
  return (
    await request(PaletteSearchDocument, { programKey, query, first: PALETTE_RESULTS }, { signal })
  ).search;
}

/** The programs the person can search. */
export async function getPalettePrograms(signal?: AbortSignal) {
  return (await request(PalettePrograms, {}, { signal })).programs;
}
