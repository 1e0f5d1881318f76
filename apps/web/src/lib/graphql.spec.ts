import { ErrorCode } from '@ipt/domain';
import { fakeResponse, gqlError, restoreFetch } from '../test/graphql-stub';
import { GraphQLRequestError, graphqlRequest, onUnauthenticated } from './graphql';

type FetchArgs = [input: RequestInfo | URL, init?: RequestInit];

function stubFetch(impl: (...args: FetchArgs) => Promise<Response>) {
  const mock = jest.fn(impl);
  globalThis.fetch = mock as typeof fetch;
  return mock;
}

async function requestError(promise: Promise<unknown>): Promise<GraphQLRequestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLRequestError);
    return error as GraphQLRequestError;
  }
  throw new Error('Expected the request to fail.');
}

afterEach(restoreFetch);

describe('graphqlRequest', () => {
  it('POSTs the operation as JSON with same-origin credentials and returns data', async () => {
    const fetchMock = stubFetch(async () => fakeResponse({ data: { me: { id: 'u1' } } }));

    const data = await graphqlRequest<{ me: { id: string } }, { id: string }>(
      'query Me($id: ID!) { me { id } }',
      { id: 'u1' },
    );

    expect(data).toEqual({ me: { id: 'u1' } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({
      query: 'query Me($id: ID!) { me { id } }',
      variables: { id: 'u1' },
    });
  });

  it('leaves variables out of the body when there are none', async () => {
    const fetchMock = stubFetch(async () => fakeResponse({ data: { logout: true } }));

    await graphqlRequest('mutation Logout { logout }');

    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({
      query: 'mutation Logout { logout }',
    });
  });

  it('sends each mutation with an Idempotency-Key of its own, and queries without one', async () => {
    const fetchMock = stubFetch(async () => fakeResponse({ data: { ok: true } }));

    await graphqlRequest('mutation A { a }');
    await graphqlRequest('# a comment first\nmutation B { b }');
    await graphqlRequest('query Q { q }');

    const keys = fetchMock.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key'],
    );
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBeUndefined();
  });

  it('sends a mutation whose answer was lost once more, with the same key', async () => {
    let calls = 0;
    const fetchMock = stubFetch(async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return fakeResponse({ data: { raiseIssue: { key: 'HX-9' } } });
    });

    const data = await graphqlRequest('mutation Raise { raiseIssue { key } }', undefined, {
      idempotencyKey: 'submit-key-0001',
    });

    expect(data).toEqual({ raiseIssue: { key: 'HX-9' } });
    const keys = fetchMock.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key'],
    );
    expect(keys).toEqual(['submit-key-0001', 'submit-key-0001']);
  });

  it('does not send a query again when the server cannot be reached', async () => {
    const fetchMock = stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });

    await requestError(graphqlRequest('query Q { q }'));

    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('maps BAD_USER_INPUT to its code, field and message', async () => {
    stubFetch(async () =>
      fakeResponse(gqlError('BAD_USER_INPUT', 'title must not be empty.', { field: 'title' })),
    );

    const error = await requestError(graphqlRequest('mutation RaiseIssue { raiseIssue }'));

    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.field).toBe('title');
    expect(error.message).toBe('title must not be empty.');
  });

  it.each([
    ErrorCode.UNAUTHENTICATED,
    ErrorCode.FORBIDDEN,
    ErrorCode.NOT_FOUND,
    ErrorCode.CONFLICT,
    ErrorCode.ILLEGAL_TRANSITION,
  ])('maps %s to a typed error with the server message', async (code) => {
    stubFetch(async () => fakeResponse(gqlError(code, `refused: ${code}`)));

    const error = await requestError(graphqlRequest('query Q { q }'));

    expect(error.code).toBe(code);
    expect(error.message).toBe(`refused: ${code}`);
    expect(error.field).toBeUndefined();
  });

  it('reads the first error when the server reports several', async () => {
    stubFetch(async () =>
      fakeResponse({
        errors: [
          { message: 'first', extensions: { code: 'NOT_FOUND' } },
          { message: 'second', extensions: { code: 'FORBIDDEN' } },
        ],
      }),
    );

    const error = await requestError(graphqlRequest('query Q { q }'));

    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('first');
    expect(error.errors).toHaveLength(2);
  });

  it('reports codes it does not know (and HTTP 400 validation failures) as UNEXPECTED', async () => {
    stubFetch(async () =>
      fakeResponse(gqlError('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "nope".'), 400),
    );

    const error = await requestError(graphqlRequest('query Q { nope }'));

    expect(error.code).toBe('UNEXPECTED');
    expect(error.message).toBe('Cannot query field "nope".');
  });

  it('reports a response that is not GraphQL as UNEXPECTED with the HTTP status', async () => {
    stubFetch(
      async () =>
        ({
          ok: false,
          status: 502,
          json: async () => {
            throw new SyntaxError('Unexpected token <');
          },
        }) as unknown as Response,
    );

    const error = await requestError(graphqlRequest('query Q { q }'));

    expect(error.code).toBe('UNEXPECTED');
    expect(error.message).toContain('502');
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });

    const error = await requestError(graphqlRequest('query Q { q }'));

    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('lets an aborted request reject with the AbortError itself', async () => {
    const abort = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    stubFetch(async () => {
      throw abort;
    });

    await expect(graphqlRequest('query Q { q }')).rejects.toBe(abort);
  });

  it('tells UNAUTHENTICATED listeners, and only them, until they unsubscribe', async () => {
    const listener = jest.fn();
    const unsubscribe = onUnauthenticated(listener);
    stubFetch(async () => fakeResponse(gqlError('FORBIDDEN', 'no')));
    await requestError(graphqlRequest('query Q { q }'));
    expect(listener).not.toHaveBeenCalled();

    stubFetch(async () => fakeResponse(gqlError('UNAUTHENTICATED', 'Sign in first.')));
    await requestError(graphqlRequest('query Q { q }'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]![0]).toMatchObject({ code: 'UNAUTHENTICATED' });

    unsubscribe();
    await requestError(graphqlRequest('query Q { q }'));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
