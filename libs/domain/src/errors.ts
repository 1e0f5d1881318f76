/**
 * The error codes a client can act on. Every refusal in the product carries one of these;
 * the API maps them one-to-one onto GraphQL `extensions.code`.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  /** The change was not saved (storage failed or was busy); the same request may be sent again. */
  UNAVAILABLE: 'UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Extra facts a client may use to show the error where it belongs. */
export type ErrorDetails = Readonly<
  Record<
    string,
    string | number | boolean | readonly string[] | readonly Readonly<Record<string, string>>[]
  >
>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function badInput(field: string, message: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });
}

/**
 * Several problems with one input, all reported at once so a person fixes them in one go: each in
 * `problems` ({ field, message }), the first also as `field` for clients that read one. The
 * message says them all.
 */
export function badInputs(
  problems: readonly { readonly field: string; readonly message: string }[],
): DomainError {
  const [first] = problems;
  if (!first) throw new Error('badInputs needs at least one problem.');
  return new DomainError(ErrorCode.BAD_USER_INPUT, problems.map((p) => p.message).join(' '), {
    field: first.field,
    problems: problems.map(({ field, message }) => ({ field, message })),
  });
}

export function notFound(what: string, key: string): DomainError {
  return new DomainError(
    ErrorCode.NOT_FOUND,
    `${what} ${key} does not exist or is not visible to you.`,
    {
      what,
      key,
    },
  );
}

export function forbidden(message: string, requiredRole: string): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message, { requiredRole });
}

export function staleVersion(
  what: string,
  readVersion: number,
  currentVersion: number,
): DomainError {
  return new DomainError(
    ErrorCode.CONFLICT,
    `${what} changed since you read it (you had version ${readVersion}, it is now ${currentVersion}). Reload it and try again.`,
    { readVersion, currentVersion },
  );
}

export function unavailable(reason: string): DomainError {
  return new DomainError(ErrorCode.UNAVAILABLE, 'The change was not saved; try again.', { reason });
}
