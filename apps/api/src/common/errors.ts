import { ArgumentsHost, Catch, Logger, ValidationError, ValidationPipe } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { DomainError, ErrorCode, badInput } from '@ipt/domain';
import { GraphQLError } from 'graphql';

/**
 * The one mapping from failures to what a GraphQL client sees (STACK.md: Nest's Apollo driver
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

/** Input validation whose failures name the field, as BAD_USER_INPUT. */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors: ValidationError[]) => {
      const { path, message } = firstProblem(errors);
      return badInput(path, message);
    },
  });
}

function firstProblem(errors: ValidationError[], prefix = ''): { path: string; message: string } {
  const error = errors[0];
  if (!error) return { path: prefix || 'input', message: 'The input is not valid.' };
  const path = prefix ? `${prefix}.${error.property}` : error.property;
  const constraint = error.constraints ? Object.values(error.constraints)[0] : undefined;
  if (constraint) return { path, message: constraint };
  return firstProblem(error.children ?? [], path);
}
