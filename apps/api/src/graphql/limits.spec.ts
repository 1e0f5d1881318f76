import { buildSchema, parse, validate } from 'graphql';
import { REQUEST_LIMITS, UNBOUNDED_LIST_SIZE, checkRequestLimits, costLimitRule } from './limits';

const schema = buildSchema(`
  type Query {
    issues(first: Int = 50): IssueConnection!
    report(listLimit: Int): Report!
    teams: [Team!]!
    team(id: ID!): Team!
  }
  type IssueConnection { edges: [IssueEdge!]! totalCount: Int! }
  type IssueEdge { node: Issue! }
  type Issue { key: String! timeline: [Event!]! }
  type Event { kind: String! at: String! actor: String! summary: String! }
  type Report { overdue: [Issue!]! open: Int! }
  type Team { name: String! members: [Member!]! }
  type Member { name: String! team: Team! }
`);

function cost(query: string, variables?: Record<string, unknown>, unknownSize?: number): number {
  const errors = validate(schema, parse(query), [
    costLimitRule({
      max: 0,
      ...(variables ? { variables } : {}),
      ...(unknownSize !== undefined ? { unknownSize } : {}),
    }),
  ]);
  return Number(errors[0]?.extensions['found'] ?? 0);
}

describe('the list-size cost rule', () => {
  it('counts each field once, a scalar list once per item', () => {
    expect(cost('{ team(id: "1") { name } }')).toBe(2);
  });

  it('multiplies a page size through the page into its lists', () => {
    // issues (1) + totalCount (1) + 10 edges × (edge + node + key)
    expect(cost('{ issues(first: 10) { totalCount edges { node { key } } } }')).toBe(32);
  });

  it('takes the schema default when the size is left out', () => {
    expect(cost('{ issues { edges { node { key } } } }')).toBe(1 + 50 * 3);
  });

  it('takes a size from the request variables, else the assumed size for unknown ones', () => {
    const query = 'query ($n: Int) { issues(first: $n) { edges { node { key } } } }';
    expect(cost(query, { n: 4 })).toBe(1 + 4 * 3);
    expect(cost(query, {}, 100)).toBe(1 + 100 * 3);
  });

  it('assumes a size for unbounded lists and for listLimit left out', () => {
    expect(cost('{ teams { name } }')).toBe(UNBOUNDED_LIST_SIZE * 2);
    expect(cost('{ report { overdue { key } } }')).toBe(1 + 100 * 2);
    expect(cost('{ report(listLimit: 3) { overdue { key } } }')).toBe(1 + 3 * 2);
  });

  it('counts fragments and aliases as the fields they return', () => {
    const once = cost('{ teams { name } }');
    expect(cost('{ a: teams { ...T } b: teams { ...T } } fragment T on Team { name }')).toBe(
      2 * once,
    );
  });

  it('grows with each nested list: team → members → team → members', () => {
    const nested = '{ teams { members { team { members { team { members { name } } } } } } }';
    expect(cost(nested)).toBeGreaterThan(REQUEST_LIMITS.cost);
  });
});

describe('checkRequestLimits', () => {
  it('lets an ordinary query through', () => {
    expect(
      checkRequestLimits(schema, parse('{ issues(first: 100) { edges { node { key } } } }')),
    ).toEqual([]);
  });

  it('refuses depth, aliases and cost with BAD_USER_INPUT naming the limit', () => {
    const deep = `{ ${'team(id: "1") { members { '.repeat(10)}name${' } }'.repeat(10)} }`;
    const aliased = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: teams { name }`).join(' ')} }`;
    const costly = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: issues(first: 100) { edges { node { timeline { kind at actor summary } } } }`).join(' ')} }`;
    for (const [query, limit] of [
      [deep, 'depth'],
      [aliased, 'aliases'],
      [costly, 'cost'],
    ] as const) {
      const errors = checkRequestLimits(schema, parse(query));
      expect(errors.map((error) => error.extensions)).toContainEqual(
        expect.objectContaining({ code: 'BAD_USER_INPUT', limit }),
      );
      expect(errors.map((error) => error.message).join()).not.toMatch(/Syntax Error/);
    }
  });
});
