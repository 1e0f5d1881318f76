import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@ipt/domain';
import type { RequestContext } from './context';
import { checkRequestLimits } from './limits';

export interface RequestLimitsOptions {
  /** Production: no "Did you mean …?" in error messages (the schema stays private). */
  readonly hideSuggestions: boolean;
  /** How long a query may take before it is answered UNAVAILABLE; 0 for no budget. */
  readonly timeBudgetMs: number;
}

/**
 * A plugin as the Nest driver takes it (its types come from Apollo's ES module build, which
 * TypeScript keeps apart from the CommonJS build an `@apollo/server` import here would name).
 */
export type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

export const SUBSCRIPTION_OVER_HTTP =
  'Subscriptions run over the WebSocket at /graphql (graphql-ws); this was sent over HTTP.';

/**
 * What ADR 0019 asks of every HTTP GraphQL request, before and while it runs:
 * - a subscription sent over HTTP is refused as BAD_USER_INPUT (it would otherwise fail inside
 *   execution as INTERNAL_SERVER_ERROR);
 * - the depth, alias and list-size cost limits are checked with the request's variables, before
 *   anything executes (in didResolveOperation: an error thrown there keeps its code, while
 *   Apollo relabels every validation-rule error GRAPHQL_VALIDATION_FAILED);
 * - a query still running after the time budget is answered UNAVAILABLE at once;
 * - in production, suggestions that would reveal field and type names are cut from every error.
 */
export function requestLimitsPlugin(options: RequestLimitsOptions): ApolloPlugin {
  return {
    async requestDidStart(requestContext) {
      const { res } = requestContext.contextValue as Partial<RequestContext>;
      // Subscriptions over the WebSocket have no HTTP response to answer.
      const budget =
        res && options.timeBudgetMs > 0 ? answerWhenOverBudget(res, options.timeBudgetMs) : null;
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError(SUBSCRIPTION_OVER_HTTP, {
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
          const [exceeded] = checkRequestLimits(schema, document, request.variables);
          if (exceeded) throw exceeded;
          // A write is never cut off: an UNAVAILABLE answer to a change that then commits would
          // tell the person it was not saved when it was (ADR 0019).
          if (operation?.operation === 'mutation') budget?.cancel();
        },
        async didEncounterErrors({ errors }) {
          if (!options.hideSuggestions) return;
          for (const error of errors) {
            // Validation ("Cannot query field … Did you mean …?") and variable coercion ("…enum
            // value …") both name the schema this way.
            error.message = error.message.replace(/ ?Did you mean .+\?$/s, '');
          }
        },
        async executionDidStart() {
          if (!budget) return;
          // A timer fires only when the event loop is free; SQLite reads are synchronous, so each
          // field that starts resolving also looks at the clock.
          return { willResolveField: () => budget.check() };
        },
        async willSendResponse() {
          budget?.cancel();
        },
      };
    },
  };
}

/**
 * Answers the HTTP request UNAVAILABLE once `ms` have passed, unless cancelled first. JavaScript
 * cannot stop the work already running: it finishes, and what it then writes to `res` is
 * dropped. Work that never yields (a long synchronous computation) also holds this timer back.
 */
function answerWhenOverBudget(res: Response, ms: number): { cancel(): void; check(): void } {
  // Elapsed time on the monotonic clock, not an instant: the injected Clock stands still in tests.
  const deadline = performance.now() + ms;
  let over = false;
  const answer = () => {
    if (over || res.headersSent || res.writableEnded) return;
    over = true;
    const body = JSON.stringify({
      errors: [
        {
          message: `The server could not answer within ${ms / 1000} s; try again, or ask for less.`,
          extensions: { code: ErrorCode.UNAVAILABLE, reason: 'time budget', budgetMs: ms },
        },
      ],
    });
    res.status(503).setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('retry-after', '1');
    res.end(body);
    // The late answer finds its response closed and goes nowhere (instead of throwing "headers
    // already sent" inside Apollo's express integration).
    const ignore = () => res;
    Object.assign(res, { setHeader: ignore, send: ignore, write: () => true, end: ignore });
  };
  let timer: NodeJS.Timeout | null = setTimeout(answer, ms);
  timer.unref();
  return {
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
    check: () => {
      if (timer && performance.now() >= deadline) answer();
    },
  };
}
