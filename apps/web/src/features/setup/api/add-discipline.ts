import { graphql } from '../../../gql';
import type { AddDisciplineInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupAddDisciplineDocument = graphql(`
  mutation SetupAddDiscipline($input: AddDisciplineInput!) {
    addDiscipline(input: $input) {
      id
    }
  }
`);

/** A discipline beyond the default catalog. */
export async function addDiscipline(input: AddDisciplineInput) {
  return (await request(SetupAddDisciplineDocument, { input })).addDiscipline;
}
