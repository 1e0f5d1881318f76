import { graphql } from '../../../gql';
import type { VerifyRecordQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const VerifyRecordDocument = graphql(`
  query VerifyRecord($programKey: String!, $maxAgeSeconds: Int) {
    verifyRecord(programKey: $programKey, maxAgeSeconds: $maxAgeSeconds) {
      programKey
      verified
      chainIntact
      eventsChecked
      decisionsChecked
      chainEventsChecked
      checkedAt
      firstBreak {
        seq
        at
        issueKey
        eventType
        inThisProgram
        problem
      }
    }
  }
`);

export type RecordVerification = VerifyRecordQuery['verifyRecord'];

/**
 * A program's record verification. The server walks the whole chain for it, so opening the log
 * accepts a check a few minutes old (`maxAgeSeconds`); "Check again" asks for one now (0).
 */
export async function getRecordVerification(
  programKey: string,
  maxAgeSeconds: number,
  signal?: AbortSignal,
): Promise<RecordVerification> {
  return (await request(VerifyRecordDocument, { programKey, maxAgeSeconds }, { signal }))
    .verifyRecord;
}
