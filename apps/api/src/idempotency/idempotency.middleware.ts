import { createHash } from 'node:crypto';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { type OperationDefinitionNode, parse } from 'graphql';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE } from '../auth/session-cookie';
import {
  type ClaimOutcome,
  IdempotencyService,
  type RequestClaim,
  requestClaims,
} from './idempotency.service';

/** The header a client sends once per intended change, and again with each retry of it. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const KEY_FORMAT = /^[\x21-\x7e]{8,200}$/;
/** How long a retry waits for the first attempt of its key, still running elsewhere, to finish. */
const WAIT_FOR_FIRST_MS = 30_000;

interface GraphQLBody {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

/**
 * `Idempotency-Key` on GraphQL mutations (ADR 0018): the same key from the same person within a
 * day gets the first answer, and the change is applied once, however often and however
 * concurrently the request is sent. Queries, anonymous requests and requests without the header
 * pass through untouched.
 */
@Injectable()
export class IdempotencyMiddleware implements NestMiddleware {
  /** Requests running under a key in this process; a second one waits for the first. */
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly auth: AuthService,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const key = req.header(IDEMPOTENCY_HEADER);
    if (req.method !== 'POST' || key === undefined) return next();
    if (!KEY_FORMAT.test(key)) {
      refuse(
        res,
        400,
        'BAD_USER_INPUT',
        `${IDEMPOTENCY_HEADER} must be 8 to 200 visible characters, such as a UUID.`,
      );
      return;
    }
    const body = (req.body ?? {}) as GraphQLBody;
    if (!isMutation(body)) return next();
    const token: unknown = req.signedCookies?.[SESSION_COOKIE];
    const user =
      typeof token === 'string' && token !== '' ? await this.auth.userForSession(token) : null;
    // Without a person there is nobody to scope the key to; the operation itself says what is wrong.
    if (!user) return next();

    const claim: RequestClaim = { userId: user.id, key };
    const slot = `${user.id} ${key}`;
    for (let waiting = this.running.get(slot); waiting; waiting = this.running.get(slot))
      await waiting;
    let release!: () => void;
    this.running.set(slot, new Promise<void>((resolve) => (release = resolve)));
    const done = () => {
      this.running.delete(slot);
      release();
    };
    try {
      const outcome = await this.claimWhenFree(claim, requestHash(body));
      if (outcome.kind !== 'claimed') {
        answerWithout(res, outcome);
        done();
        return;
      }
      this.keepAnswer(res, claim, done);
      requestClaims.run(claim, () => next());
    } catch (error) {
      done();
      next(error);
    }
  }

  /** Claims the key, waiting (within bounds) while another instance runs the same request. */
  private async claimWhenFree(claim: RequestClaim, hash: string): Promise<ClaimOutcome> {
    const deadline = performance.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const outcome = await this.idempotency.claim(claim.userId, claim.key, hash);
      if (outcome.kind !== 'in-progress' || performance.now() > deadline) return outcome;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Holds the response back until its answer is stored (or the key let go), then sends it. */
  private keepAnswer(res: Response, claim: RequestClaim, done: () => void): void {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const collect = (chunk: unknown) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      if (typeof args[0] !== 'function') collect(args[0]);
      const body = Buffer.concat(chunks).toString('utf8');
      void this.idempotency
        .finish(claim, res.statusCode, body)
        .catch(() => undefined)
        .finally(() => {
          end(...args);
          done();
        });
      return res;
    }) as Response['end'];
  }
}

function isMutation(body: GraphQLBody): boolean {
  if (typeof body.query !== 'string') return false;
  try {
    const operations = parse(body.query).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    const chosen =
      typeof body.operationName === 'string'
        ? operations.find((o) => o.name?.value === body.operationName)
        : operations.length === 1
          ? operations[0]
          : undefined;
    return chosen?.operation === 'mutation';
  } catch {
    return false; // Not GraphQL: the server answers that itself.
  }
}

function requestHash(body: GraphQLBody): string {
  const content = JSON.stringify([body.query, body.operationName ?? null, body.variables ?? null]);
  return createHash('sha256').update(content).digest('hex');
}

function answerWithout(res: Response, outcome: Exclude<ClaimOutcome, { kind: 'claimed' }>): void {
  switch (outcome.kind) {
    case 'replay':
      res.status(outcome.status).setHeader('Idempotent-Replayed', 'true');
      res.type('application/json').send(outcome.body);
      return;
    case 'other-request':
      refuse(
        res,
        422,
        'BAD_USER_INPUT',
        `This ${IDEMPOTENCY_HEADER} was already used for a different request; send a new key with a new request.`,
      );
      return;
    case 'applied-unanswered':
      refuse(
        res,
        409,
        'CONFLICT',
        `This request was already applied (${outcome.appliedAt.toISOString()}) but its answer was lost; reload to see the result.`,
      );
      return;
    case 'in-progress':
      refuse(
        res,
        503,
        'UNAVAILABLE',
        'The same request is still being applied; try again shortly.',
      );
      return;
  }
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .type('application/json')
    .send(
      JSON.stringify({ errors: [{ message, extensions: { code, field: IDEMPOTENCY_HEADER } }] }),
    );
}
