/**
 * A stand-in for the API in unit tests: replaces the global `fetch` with a function that answers
 * GraphQL operations by name. No server runs in unit tests; the system tests cover the real one.
 */

export interface GraphQLCall {
  operationName: string;
  query: string;
  variables: Record<string, unknown> | undefined;
  init: RequestInit | undefined;
}

export interface StubbedReply {
  status?: number;
  body: unknown;
}

/** Answers one operation: a response body ({ data } or { errors }), or a full reply. */
export type OperationHandler = (
  variables: Record<string, unknown> | undefined,
) => unknown | StubbedReply | Promise<unknown | StubbedReply>;

export function gqlError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extra } }] };
}

export function fakeResponse(body: unknown, status = 200): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: async () => body,
  } as unknown as Response;
}

function isReply(value: unknown): value is StubbedReply {
  return typeof value === 'object' && value !== null && 'body' in value;
}

function operationNameOf(query: string): string {
  const match = /\b(?:query|mutation)\s+(\w+)/.exec(query);
  return match?.[1] ?? 'anonymous';
}

/** Installs the stub; returns the recorded calls. Undo with restoreFetch() (afterEach). */
export function stubGraphQL(handlers: Record<string, OperationHandler>): GraphQLCall[] {
  const calls: GraphQLCall[] = [];
  const fetchStub = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const { query, variables } = JSON.parse(String(init?.body)) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const operationName = operationNameOf(query);
    calls.push({ operationName, query, variables, init });
    const handler = handlers[operationName];
    if (!handler) throw new Error(`No stubbed answer for GraphQL operation ${operationName}.`);
    const answer = await handler(variables);
    return isReply(answer) ? fakeResponse(answer.body, answer.status) : fakeResponse(answer);
  };
  globalThis.fetch = fetchStub as typeof fetch;
  return calls;
}

export function restoreFetch(): void {
  Reflect.deleteProperty(globalThis, 'fetch');
}
