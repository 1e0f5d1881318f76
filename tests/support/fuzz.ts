import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/**
 * Schema-driven operations for fuzzing the API (the hardening issue): every query and mutation of
 * the committed schema, with arguments that are sometimes right, sometimes plausible and wrong,
 * sometimes nonsense, and a random selection of what comes back. Seeded, so a failure replays.
 */
export const SCHEMA: GraphQLSchema = buildSchema(
  readFileSync(join(__dirname, '../../apps/api/schema.gql'), 'utf8'),
);

/** mulberry32: small, fast and good enough to pick test inputs; the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzOperation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** For the report: which root field, and whether it is a mutation. */
  readonly field: string;
  readonly mutation: boolean;
}

/** Values a person or a careless client might send, right and wrong, by the argument's type. */
export interface FuzzPools {
  readonly strings: readonly string[];
  readonly ids: readonly string[];
}

const NASTY_STRINGS = [
  '',
  ' ',
  'HX',
  'HX-1',
  'HX-999999',
  'hx-2',
  'QJZT-1',
  'HX-0',
  'HX--1',
  'x'.repeat(300),
  'x'.repeat(20_000),
  '<script>alert(1)</script>',
  "'; DROP TABLE issues; --",
  '%00',
  '\u0000',
  'é漢字🙂',
  'engineering',
  'contracting',
  'not-an-email',
  'pm@example.com',
  'Europe/Berlin',
  'Mars/Olympus',
  '2026-03-01',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '2026-03-01T25:61:00Z',
  '2026-03-01T17:00:00Z',
  '2026-03-01T17:00:00+02:00',
  'not-a-date',
  '-1',
  '1e309',
];

const SPARED = new Set(['logout', 'deactivateUser']);

const INTS = [0, 1, -1, 2, 3, 5, 10, 50, 100, 1000, 2_147_483_647, -2_147_483_648];

export class OperationFuzzer {
  constructor(
    private readonly random: () => number,
    private readonly pools: FuzzPools,
  ) {}

  next(): FuzzOperation {
    const roll = this.random();
    // A few subscriptions too: sent over HTTP they must be refused with a code, not fail.
    const kind = roll < 0.04 ? 'subscription' : roll < 0.47 ? 'mutation' : 'query';
    const mutation = kind === 'mutation';
    const root =
      kind === 'subscription'
        ? SCHEMA.getSubscriptionType()
        : mutation
          ? SCHEMA.getMutationType()
          : SCHEMA.getQueryType();
    if (!root) throw new Error('The schema has no root type');
    // Signing the fuzzing people out or deactivating them would leave the rest of the run
    // anonymous, testing little but the sign-in guard; those two are tested on their own.
    const fields = Object.values(root.getFields()).filter((f) => !SPARED.has(f.name));
    const field = this.pick(fields);
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    const args: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && this.random() < 0.4) continue;
      const name = `v${declarations.length}`;
      declarations.push(`$${name}: ${String(arg.type)}`);
      args.push(`${arg.name}: $${name}`);
      variables[name] = this.value(arg.type, 0, arg);
    }
    const selection = this.selection(field.type, 0);
    const query =
      `${kind} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} ` +
      `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
    return { query, variables, field: field.name, mutation };
  }

  private value(type: GraphQLInputType, depth: number, arg?: GraphQLArgument): unknown {
    if (isNonNullType(type)) {
      // Now and then a null where none is allowed: the server must say so, not fail.
      if (this.random() < 0.03) return null;
      return this.value(type.ofType, depth, arg);
    }
    if (this.random() < 0.05) return null;
    if (isListType(type)) {
      const length = Math.floor(this.random() * 4);
      return Array.from({ length }, () => this.value(type.ofType, depth + 1));
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return this.random() < 0.9 ? this.pick(values) : 'NOT_A_VALUE';
    }
    if (isInputObjectType(type)) {
      if (depth > 3) return {};
      const out: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (!isNonNullType(field.type) && this.random() < 0.5) continue;
        out[field.name] = this.value(field.type, depth + 1);
      }
      return out;
    }
    if (isScalarType(type)) return this.scalar(type.name, arg?.name);
    return null;
  }

  private scalar(name: string, argName: string | undefined): unknown {
    const roll = this.random();
    switch (name) {
      case 'Int':
        return roll < 0.9 ? this.pick(INTS) : 'seven';
      case 'Float':
        return roll < 0.9 ? this.pick([0, 1.5, -3, 1e12]) : 'NaN';
      case 'Boolean':
        return roll < 0.95 ? roll < 0.5 : 'yes';
      case 'ID':
        return roll < 0.7 ? this.pick(this.pools.ids) : this.pick(NASTY_STRINGS);
      case 'DateTime':
      case 'Date':
        return this.pick([
          '2026-03-01T17:00:00Z',
          '2026-03-20T00:00:00.000Z',
          '2027-01-01T00:00:00Z',
          '2026-03-01',
          '2026-02-30T00:00:00Z',
          '2026-03-01T25:61:00Z',
          'not-a-date',
          '',
          0,
        ]);
      default: {
        if (argName && /key|issue/i.test(argName) && roll < 0.6)
          return this.pick(this.pools.strings);
        return roll < 0.5 ? this.pick(this.pools.strings) : this.pick(NASTY_STRINGS);
      }
    }
  }

  private selection(type: GraphQLOutputType, depth: number): string {
    const named: GraphQLNamedType = getNamedType(type);
    if (isLeafType(named)) return '';
    if (isUnionType(named)) return ' { __typename }';
    if (!isObjectType(named) && !isInterfaceType(named)) return ' { __typename }';
    const fields = Object.values(named.getFields()) as GraphQLField<unknown, unknown>[];
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && !hasRequiredArgs(f));
    const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)) && !hasRequiredArgs(f));
    const chosen = leaves.filter(() => this.random() < 0.5);
    if (chosen.length === 0 && leaves[0]) chosen.push(leaves[0]);
    const parts = chosen.map((f) => f.name);
    if (depth < 3) {
      for (const field of objects) {
        if (this.random() < 0.25)
          parts.push(`${field.name}${this.selection(field.type, depth + 1)}`);
      }
    }
    if (parts.length === 0) parts.push('__typename');
    return ` { ${parts.join(' ')} }`;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)] as T;
  }
}

function hasRequiredArgs(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}
