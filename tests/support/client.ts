/** A GraphQL client over real HTTP that keeps its session cookie, as a browser would. */
export interface GraphQLErrorBody {
  readonly message: string;
  readonly extensions: Record<string, unknown> & { code: string };
}

export interface GraphQLResponse<T> {
  readonly status: number;
  readonly data: T | null;
  readonly errors: GraphQLErrorBody[] | undefined;
  readonly headers: Headers;
}

export const DEMO_PASSWORD = 'ipt-demo-pass';

export class ApiClient {
  private cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return {
      status: response.status,
      data: body.data ?? null,
      errors: body.errors,
      headers: response.headers,
    };
  }

  /** Runs an operation that must succeed, and returns its data. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<T> {
    const result = await this.request<T>(query, variables, headers);
    if (result.errors?.length || !result.data) {
      throw new Error(`Expected success, got ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** Runs an operation that must fail, and returns its first error. */
  async fails(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLErrorBody> {
    const result = await this.request(query, variables);
    const error = result.errors?.[0];
    if (!error) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
    return error;
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.ok(
      `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { email } }`,
      {
        email,
        password,
      },
    );
  }

  get sessionCookie(): string | null {
    return this.cookie;
  }
}
