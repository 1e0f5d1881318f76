import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  typeFromAST,
  validate,
  valueFromAST,
} from 'graphql';
import { ErrorCode } from '@ipt/domain';

/**
 * How big one GraphQL operation may be, checked before it runs (ADR 0019). The web app's largest
 * operation stays under half of each (tests/api/request-limits.test.ts proves it for every one).
 */
export const REQUEST_LIMITS = {
  /** Fields nested inside each other, counted from the operation's root field as 1. */
  depth: 15,
  /** Aliased fields in one operation, fragments included (`__typename` aliases are free). */
  aliases: 20,
  /** Fields the answer may hold at most: each field counts once per list item it sits in. */
  cost: 120_000,
} as const;

/**
 * Arguments that say how many items a field lists, with the size the resolver uses when one is
 * left out and the schema declares no default (`timeliness(listLimit)` lists 100).
 */
export const SIZE_ARGUMENTS: Readonly<Record<string, number | undefined>> = {
  first: undefined,
  last: undefined,
  limit: undefined,
  listLimit: 100,
};

/**
 * The size assumed for a list no argument bounds (a team's members, an issue's timeline): large
 * enough for a busy issue, so that nesting such lists inside each other soon meets the budget.
 */
export const UNBOUNDED_LIST_SIZE = 20;

/** Which limit a request exceeded: `extensions.limit` of its BAD_USER_INPUT error. */
export type LimitKind = 'depth' | 'aliases' | 'cost';

function limitError(limit: LimitKind, message: string, extra: Record<string, number> = {}) {
  return new GraphQLError(message, {
    // A request a client must change, not a fault: 400 like any other invalid operation.
    extensions: { code: ErrorCode.BAD_USER_INPUT, limit, ...extra, http: { status: 400 } },
  });
}

/** graphql-armor's rules report through a callback; ours turns the report into a coded error. */
function reportAs(limit: LimitKind, max: number) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    const what = limit === 'depth' ? 'nests fields' : 'uses aliases';
    context?.reportError(
      limitError(
        limit,
        `This operation ${what} beyond the limit of ${max}${found ? ` (found ${found})` : ''}; ask for less in one request.`,
        { max, ...(found ? { found: Number(found) } : {}) },
      ),
    );
  };
}

export interface CostOptions {
  readonly max: number;
  /** The request's variables; a size argument given as a variable takes its value from here. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /**
   * The size assumed for a size argument whose variable has no value here (checking documents
   * without their variables, as the web app's test does); the argument's default otherwise.
   */
  readonly unknownSize?: number;
}

/**
 * The list-size cost rule: how many fields the answer could hold, counting every field once per
 * item of each list it sits in. A list's size is its size argument (`first: 100`, `listLimit`),
 * else the argument's default, else UNBOUNDED_LIST_SIZE; a size argument on an object field (a
 * page) sizes the lists inside it. `issues(first: 100) { nodes { timeline { ... } } }` costs
 * 100 × 20 × the timeline's fields: the shape that returned 12 MB when aliased 100 times.
 */
export function costLimitRule(options: CostOptions): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const cost = operationCost(context, operation, options);
      if (cost > options.max) {
        context.reportError(
          limitError(
            'cost',
            `This operation could return about ${cost} fields, beyond the limit of ${options.max}; ask for fewer items (first, listLimit) or fewer nested lists in one request.`,
            { max: options.max, found: cost },
          ),
        );
      }
    },
  });
}

/** The cost of one operation under the rule above; exported for the tests that report it. */
export function operationCost(
  context: ValidationContext,
  operation: OperationDefinitionNode,
  options: Omit<CostOptions, 'max'>,
): number {
  const schema = context.getSchema();
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;
  const declared = new Map(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      definition,
    ]),
  );

  const sizeOf = (field: FieldNode, definition: GraphQLField<unknown, unknown>): number | null => {
    for (const [name, fallback] of Object.entries(SIZE_ARGUMENTS)) {
      const argument = definition.args.find((candidate) => candidate.name === name);
      if (!argument) continue;
      const given = field.arguments?.find((candidate) => candidate.name.value === name)?.value;
      const value = given ? argumentValue(given) : undefined;
      if (typeof value === 'number') return Math.max(0, value);
      if (given?.kind === Kind.VARIABLE && options.unknownSize !== undefined)
        return options.unknownSize;
      if (typeof argument.defaultValue === 'number') return argument.defaultValue;
      return fallback ?? UNBOUNDED_LIST_SIZE;
    }
    return null;
  };

  const argumentValue = (node: ValueNode): unknown => {
    if (node.kind !== Kind.VARIABLE) return valueFromAST(node, schema.getType('Int') as never);
    const name = node.name.value;
    if (options.variables && name in options.variables) return options.variables[name];
    const definition = declared.get(name);
    const type = definition ? typeFromAST(schema, definition.type) : undefined;
    return definition?.defaultValue && type
      ? valueFromAST(definition.defaultValue, type as never)
      : options.unknownSize;
  };

  // Fragments already being counted: a cycle is invalid (NoFragmentCycles reports it) and counts 0.
  const inProgress = new Set<string>();

  const selectionCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType,
    pageSize: number | null,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (type) total += selectionCost(selection.selectionSet, type, pageSize);
      } else {
        const name = selection.name.value;
        const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
        if (!fragment || inProgress.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type) continue;
        inProgress.add(name);
        total += selectionCost(fragment.selectionSet, type, pageSize);
        inProgress.delete(name);
      }
    }
    return total;
  };

  const fieldCost = (
    field: FieldNode,
    parent: GraphQLNamedType,
    pageSize: number | null,
  ): number => {
    const name = field.name.value;
    // Introspection has its own switch (off in production); __typename is free.
    if (name.startsWith('__')) return 0;
    const definition = fieldDefinition(parent, name);
    if (!definition) return 1; // An unknown field: the standard rules report it.
    const size = sizeOf(field, definition);
    const type: GraphQLOutputType = definition.type;
    const list = isListType(getNullableType(type));
    // A list takes its own size argument, else the page's size, else the assumed size.
    const items = list ? (size ?? pageSize ?? UNBOUNDED_LIST_SIZE) : 1;
    // A size argument on an object (a page, a report) sizes the lists inside it.
    const inner = list ? null : (size ?? null);
    const children = field.selectionSet
      ? selectionCost(field.selectionSet, getNamedType(type), inner)
      : 0;
    return items * (1 + children);
  };

  return selectionCost(operation.selectionSet, root, null);
}

function fieldDefinition(
  type: GraphQLNamedType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(type) || isAbstractType(type)) {
    if ('getFields' in type) return type.getFields()[name];
  }
  return undefined;
}

/**
 * Every limit, as graphql-js validation rules; `variables` are the request's (the cost of a
 * `first: $first` depends on them).
 */
export function requestLimitRules(
  variables?: Readonly<Record<string, unknown>>,
  limits: { depth: number; aliases: number; cost: number } = REQUEST_LIMITS,
  unknownSize?: number,
): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.depth,
      propagateOnRejection: false,
      onReject: [reportAs('depth', limits.depth)],
    }) as unknown as ValidationRule,
    maxAliasesRule({
      n: limits.aliases,
      propagateOnRejection: false,
      onReject: [reportAs('aliases', limits.aliases)],
    }) as unknown as ValidationRule,
    costLimitRule({
      max: limits.cost,
      ...(variables ? { variables } : {}),
      ...(unknownSize !== undefined ? { unknownSize } : {}),
    }),
  ];
}

/** The limit errors of a parsed, otherwise valid document: empty when it may run. */
export function checkRequestLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Readonly<Record<string, unknown>>,
): readonly GraphQLError[] {
  return validate(schema, document, requestLimitRules(variables));
}
