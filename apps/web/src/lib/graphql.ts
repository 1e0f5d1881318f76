import type { TypedDocumentString } from '../gql/graphql';
import { ErrorCode } from '@ipt/domain';

/** Where the API answers GraphQL. Same origin: Vite proxies it in development. */
export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * The codes a caller can branch on: the API's own (`extensions.code`, see @ipt/domain ErrorCode),
 * NETWORK_ERROR when the server could not be reached, UNEXPECTED for anything else
 * (an unknown code, a non-GraphQL response, a bug).
 */
export type GraphQLErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNEXPECTED';

/** One entry of a GraphQL response's `errors` array, as far as this client reads it. */
export interface GraphQLResponseError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export class GraphQLRequestError extends Error {
  readonly code: GraphQLErrorCode;
  /** The input field a BAD_USER_INPUT error is about, when the server names one. */
  readonly field: string | undefined;
  /** Everything the server reported; the first entry is the one described by code/message. */
  readonly errors: readonly GraphQLResponseError[];
  /**
   * Every problem of a BAD_USER_INPUT the server reported at once (`extensions.problems`), each
   * at its field; the one named by `field` alone when it reported a single problem.
   */
  readonly problems: readonly { readonly field: string; readonly message: string }[];

  constructor(
    code: GraphQLErrorCode,
    message: string,
    options: {
      field?: string | undefined;
      errors?: readonly GraphQLResponseError[];
      problems?: readonly { readonly field: string; readonly message: string }[];
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'GraphQLRequestError';
    this.code = code;
    this.field = options.field;
    this.errors = options.errors ?? [];
    this.problems = options.problems ?? (options.field ? [{ field: options.field, message }] : []);
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code);
}

/** Turns the server's `errors` array into one typed error (the first entry decides). */
export function toRequestErrorFromResponse(
  errors: readonly GraphQLResponseError[],
): GraphQLRequestError {
  const first = errors[0];
  if (!first) return new GraphQLRequestError('UNEXPECTED', 'The server reported an empty error.');
  const code = first.extensions?.['code'];
  const field = first.extensions?.['field'];
  const problems = inputProblems(first.extensions?.['problems']);
  return new GraphQLRequestError(isKnownCode(code) ? code : 'UNEXPECTED', first.message, {
    field: typeof field === 'string' ? field : undefined,
    errors,
    ...(problems.length > 0 ? { problems } : {}),
  });
}

/** The `{ field, message }` entries of `extensions.problems`, ignoring anything else. */
function inputProblems(value: unknown): { field: string; message: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, message } = entry as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

/** Any thrown value as a GraphQLRequestError, so screens handle exactly one error type. */
export function toRequestError(error: unknown): GraphQLRequestError {
  if (error instanceof GraphQLRequestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GraphQLRequestError('UNEXPECTED', `Something went wrong: ${message}`, {
    cause: error,
  });
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError'
  );
}

type UnauthenticatedListener = (error: GraphQLRequestError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Be told whenever any request comes back UNAUTHENTICATED (for example the session cookie
 * expired). The session provider uses this to send the user back to sign in.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

interface GraphQLResponseBody<TData> {
  data?: TData | null;
  errors?: readonly GraphQLResponseError[];
}

function isResponseBody(value: unknown): value is GraphQLResponseBody<unknown> {
  return typeof value === 'object' && value !== null && ('data' in value || 'errors' in value);
}

export interface GraphQLRequestOptions {
  signal?: AbortSignal;
  /**
   * Names one intended change, so the server applies it once however often it is sent (ADR 0018).
   * Mutations get a fresh one per call unless the caller passes its own (to retry a submit).
   */
  idempotencyKey?: string;
}

/** The header the API reads the key from. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

function isMutation(query: string): boolean {
  return /^\s*(#[^\n]*\n\s*)*mutation\b/.test(query);
}

/**
 * A random key of 128 bits. From getRandomValues, which (unlike randomUUID) browsers also offer
 * on pages served over plain http from another machine.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * POSTs one GraphQL operation and returns its `data`, or throws a GraphQLRequestError.
 * The session is an HTTP-only cookie, so the request carries same-origin credentials.
 * An aborted request rejects with the fetch AbortError untouched (see isAbortError).
 */
export async function graphqlRequest<TData, TVariables extends object = Record<string, never>>(
  query: string,
  variables?: TVariables,
  options: GraphQLRequestOptions = {},
): Promise<TData> {
  const mutation = isMutation(query);
  const key = mutation ? (options.idempotencyKey ?? newIdempotencyKey()) : undefined;
  const send = () =>
    fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(key ? { [IDEMPOTENCY_HEADER]: key } : {}),
      },
      credentials: 'same-origin',
      body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
      signal: options.signal ?? null,
    });
  let response: Response;
  try {
    try {
      response = await send();
    } catch (error) {
      // A mutation whose answer was lost may have been applied: sending it again with the same
      // key is safe (the server answers what it answered the first time), once.
      if (isAbortError(error) || !key) throw error;
      response = await send();
    }
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new GraphQLRequestError(
      'NETWORK_ERROR',
      'Could not reach the server. Check your connection and try again.',
      { cause: error },
    );
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbortError(error)) throw error;
    body = undefined;
  }

  if (!isResponseBody(body)) {
    throw new GraphQLRequestError(
      'UNEXPECTED',
      `The server sent an unexpected response (HTTP ${response.status}).`,
    );
  }

  if (body.errors && body.errors.length > 0) {
    const error = toRequestErrorFromResponse(body.errors);
    if (error.code === ErrorCode.UNAUTHENTICATED) {
      for (const listener of unauthenticatedListeners) listener(error);
    }
    throw error;
  }

  if (body.data === undefined || body.data === null) {
    throw new GraphQLRequestError(
      'UNEXPECTED',
      `The server sent no data (HTTP ${response.status}).`,
    );
  }
  return body.data as TData;
}

/**
 * Runs a typed document made with `graphql()` from src/gql (generated from the API's schema.gql),
 * so its variables and result are checked against the schema at compile time.
 */
export function request<TData, TVariables extends object>(
  document: TypedDocumentString<TData, TVariables>,
  variables?: TVariables,
  options: GraphQLRequestOptions = {},
): Promise<TData> {
  return graphqlRequest<TData, TVariables>(document.toString(), variables, options);
}
