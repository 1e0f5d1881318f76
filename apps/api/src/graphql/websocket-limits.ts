import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { ErrorCode } from '@ipt/domain';
import { checkRequestLimits } from './limits';

export const OPERATION_OVER_WEBSOCKET =
  'The WebSocket at /graphql carries subscriptions only; send queries and changes as HTTP POST to /graphql.';

/**
 * graphql-ws's `onSubscribe` for this API: what the HTTP plugin (limits.plugin.ts) asks of a
 * request, asked of every operation that arrives over the WebSocket, before it runs.
 * - Only subscriptions: a query or change over the socket would skip the time budget, the
 *   idempotency keys and the CSRF check that HTTP requests pass through.
 * - The same depth, alias and cost limits, with the operation's variables.
 * Answers with the errors (sent to that operation, the socket stays open), or with the parsed
 * execution arguments so graphql-ws does not parse the document a second time.
 */
export function websocketOperationGuard(
  schema: () => GraphQLSchema,
): (context: unknown, id: string, payload: SubscribePayload) => ExecutionArgs | GraphQLError[] {
  return (_context, _id, payload) => {
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
    }
    const operation = getOperationAST(document, payload.operationName ?? undefined);
    if (operation && operation.operation !== 'subscription') {
      return [
        new GraphQLError(OPERATION_OVER_WEBSOCKET, {
          extensions: { code: ErrorCode.BAD_USER_INPUT },
        }),
      ];
    }
    const current = schema();
    const invalid = validate(current, document);
    if (invalid.length > 0) return [...invalid];
    const variables = payload.variables ?? undefined;
    const exceeded = checkRequestLimits(current, document, variables);
    if (exceeded.length > 0) return [...exceeded];
    return {
      schema: current,
      document,
      operationName: payload.operationName ?? null,
      variableValues: variables ?? null,
    };
  };
}
