import {
  ArgumentMetadata,
  ArgumentsHost,
  Catch,
  Logger,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { DomainError, ErrorCode, badInput } from '@ipt/domain';
import {
  GraphQLError,
  Kind,
  parse,
  visit,
  type ASTNode,
  type GraphQLFormattedError,
} from 'graphql';
import { InvalidScalarInput } from '../graphql/scalars/date-time.scalar';

/**
 * The one mapping from failures to what a GraphQL client sees (Nest's Apollo driver
 * would otherwise relabel NotFound/Conflict as INTERNAL_SERVER_ERROR). Domain errors keep their
 * code and details; anything unexpected is logged and reported without internals.
 */
const CODES: Readonly<Record<ErrorCode, ErrorCode>> = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  UNAVAILABLE: 'UNAVAILABLE',
};

const logger = new Logger('Errors');

export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { ...error.details, code: CODES[error.code] },
    });
  }
  if (isNulByteRefusal(error)) {
    return new GraphQLError('Text must not contain the NUL character (\\u0000).', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return new GraphQLError(
    'Something went wrong on the server; nothing was changed. Try again, and report it if it persists.',
    {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    },
  );
}

@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return toGraphQLError(exception);
    return super.catch(exception, host);
  }
}

/**
 * Validates what a caller sent (GraphQL arguments) and nothing else. Nest's pipe would also
 * validate every `@Parent()` object whose type is a class: a deep copy and a class-validator pass
 * per field of every row, the largest single cost of a page of issues in the profile (ADR 0024).
 */
class ArgumentsValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return CALLER_INPUT.has(metadata.type) && super.toValidate(metadata);
  }
}

/** Parameter kinds a caller fills: GraphQL `args`; REST bodies, queries and route parameters. */
const CALLER_INPUT = new Set<string>(['args', 'body', 'query', 'param']);

/** Input validation whose failures name the field, as BAD_USER_INPUT. */
export function inputValidationPipe(): ValidationPipe {
  return new ArgumentsValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors: ValidationError[]) => {
      const { path, message } = firstProblem(errors);
      return badInput(path, message);
    },
  });
}

/**
 * class-validator's wording for rules whose default names a JavaScript class ("must be a Date
 * instance"). The scalars refuse such values first; this keeps a person's wording should one
 * get through.
 */
const PERSON_WORDING: Readonly<Record<string, (field: string) => string>> = {
  isDate: (field) => `${field} must be a date and time such as 2026-03-01T17:00:00Z.`,
};

function firstProblem(errors: ValidationError[], prefix = ''): { path: string; message: string } {
  const error = errors[0];
  if (!error) return { path: prefix || 'input', message: 'The input is not valid.' };
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const [rule, constraint] = Object.entries(error.constraints ?? {})[0] ?? [];
  if (rule && constraint)
    return { path, message: PERSON_WORDING[rule]?.(error.property) ?? constraint };
  return firstProblem(error.children ?? [], path);
}

/**
 * Apollo's `formatError`: a value a scalar refused (a DateTime that is no real instant, say) is
 * reported before any resolver runs, by graphql-js, as `Variable "$x" got invalid value ...` or
 * `Expected value of type "DateTime", found ...` with a validation code. Those are rewritten here
 * to what every other input problem looks like: BAD_USER_INPUT, the scalar's own sentence with the
 * argument (or input field) in front, and that name in `extensions.field`.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  // A field resolver runs without Nest's exception filter (per-field wrappers cost every field,
  // ADR 24): its coded DomainError arrives here wrapped, and keeps its code and details.
  const domain = error instanceof GraphQLError ? error.originalError : undefined;
  if (domain instanceof DomainError) {
    return {
      ...formatted,
      extensions: { ...formatted.extensions, ...domain.details, code: CODES[domain.code] },
    };
  }
  const refused = refusedScalarValue(error);
  if (!refused || !(error instanceof GraphQLError)) return formatted;
  const field = refusedFieldName(error, refused);
  return {
    message: refused.describe(field),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
  };
}

function refusedScalarValue(error: unknown): InvalidScalarInput | undefined {
  // graphql-js wraps the scalar's error once or twice (coercion, then the variable's message).
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if (current instanceof InvalidScalarInput) return current;
    current = current instanceof GraphQLError ? current.originalError : current.cause;
  }
  return undefined;
}

/**
 * The name a person gave the refused value under: the innermost input field, else the argument
 * that takes the value or the variable. graphql-js reports only the variable (and a path inside
 * it) or the literal's position, so the operation is read again to find the argument.
 */
function refusedFieldName(error: GraphQLError, refused: InvalidScalarInput): string | undefined {
  const node = error.nodes?.[0];
  if (node?.kind === Kind.VARIABLE_DEFINITION) {
    const variable = node.variable.name.value;
    const inside = pathInsideVariable(error.message, variable, refused.value);
    if (inside) return inside;
    return (
      argumentTaking(
        error,
        (value) => value.kind === Kind.VARIABLE && value.name.value === variable,
      ) ?? variable
    );
  }
  const start = node?.loc?.start;
  if (start === undefined) return undefined;
  return argumentTaking(error, (value) => value.loc?.start === start);
}

/** The last named step of the path graphql-js prints for a value inside a variable, if any. */
function pathInsideVariable(message: string, variable: string, value: unknown): string | undefined {
  const marker = ` at "${variable}`;
  const at = message.indexOf(marker, message.indexOf(JSON.stringify(value) ?? ''));
  if (at < 0) return undefined;
  const path = message.slice(at + marker.length, message.indexOf('"', at + marker.length));
  const names = path.split(/[.[\]]/).filter((step) => step !== '' && !/^\d+$/.test(step));
  return names.at(-1);
}

/** The argument or input-object field whose value (or a list item of it) matches. */
function argumentTaking(
  error: GraphQLError,
  matches: (value: ASTNode & { kind: Kind }) => boolean,
): string | undefined {
  const body = error.source?.body;
  if (!body) return undefined;
  let found: string | undefined;
  try {
    visit(parse(body, { noLocation: false }), {
      enter(node, _key, parent, _path, ancestors) {
        if (found !== undefined || !matches(node as ASTNode & { kind: Kind })) return undefined;
        // graphql-js leaves the parent out of the ancestors.
        const lineage: readonly unknown[] = [...ancestors, parent];
        for (let index = lineage.length - 1; index >= 0; index -= 1) {
          const ancestor = lineage[index];
          if (typeof ancestor === 'object' && ancestor !== null && 'kind' in ancestor) {
            const candidate = ancestor as ASTNode;
            if (candidate.kind === Kind.ARGUMENT || candidate.kind === Kind.OBJECT_FIELD) {
              found = candidate.name.value;
              break;
            }
          }
        }
        return undefined;
      },
    });
  } catch {
    // The operation parsed once already; should it not now, the message goes without a name.
  }
  return found;
}

/**
 * PostgreSQL refuses a NUL character in text (SQLSTATE 22021) wherever it is bound, in a read or
 * a write; SQLite stores it. Either way it is the caller's input that must change.
 */
function isNulByteRefusal(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  return driverError?.code === '22021';
}
