import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { DatabaseService } from '../database/database.service';
import type { WriteTransaction } from '../events/write.service';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** How long a key holds its first answer. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A claim older than this that applied nothing was left by a process that died: it may be retaken. */
const ABANDONED_AFTER_MS = 60 * 1000;

/** The request being run under a claimed key, as the write transactions of that request see it. */
export interface RequestClaim {
  readonly userId: string;
  readonly key: string;
}

/** Carries the claim from the HTTP request to every write transaction it starts. */
export const requestClaims = new AsyncLocalStorage<RequestClaim>();

export type ClaimOutcome =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: string }
  | { readonly kind: 'other-request' }
  | { readonly kind: 'applied-unanswered'; readonly appliedAt: Date }
  | { readonly kind: 'in-progress' };

/**
 * Exactly-once mutations for retried requests (ADR 0018). A key is claimed before its request
 * runs; the write transaction that commits the request's change marks the claim applied in the
 * same transaction, so "applied" can never be true of a change that was rolled back, nor false of
 * one that committed; the answer is stored before it is sent.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.db.beforeCommit((tx) => this.markApplied(tx));
  }

  /** Claims `key` for this request, or says why not (its first answer, another request, ...). */
  claim(userId: string, key: string, requestHash: string): Promise<ClaimOutcome> {
    const now = this.clock.now();
    return this.outsideRequest(() =>
      this.db.write({ actorId: userId, at: now }, async (tx): Promise<ClaimOutcome> => {
        await tx.manager.delete(IdempotencyKeyEntity, {
          userId,
          createdAt: LessThan(new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS)),
        });
        const existing = await tx.manager.findOneBy(IdempotencyKeyEntity, {
          userId,
          idempotencyKey: key,
        });
        if (!existing) {
          await tx.manager.insert(IdempotencyKeyEntity, {
            userId,
            idempotencyKey: key,
            requestHash,
            createdAt: now,
            appliedAt: null,
            responseStatus: null,
            responseBody: null,
          });
          return { kind: 'claimed' };
        }
        if (existing.requestHash !== requestHash) return { kind: 'other-request' };
        if (existing.responseBody !== null)
          return {
            kind: 'replay',
            status: existing.responseStatus ?? 200,
            body: existing.responseBody,
          };
        if (existing.appliedAt)
          return { kind: 'applied-unanswered', appliedAt: existing.appliedAt };
        if (now.getTime() - existing.createdAt.getTime() > ABANDONED_AFTER_MS) {
          await tx.manager.update(
            IdempotencyKeyEntity,
            { userId, idempotencyKey: key },
            { createdAt: now },
          );
          return { kind: 'claimed' };
        }
        return { kind: 'in-progress' };
      }),
    );
  }

  /**
   * After the request ran: keeps its answer if it changed something, else lets the key go, so
   * a retry of a request that failed (and so changed nothing) is applied afresh.
   */
  finish(claim: RequestClaim, status: number, body: string): Promise<void> {
    return this.outsideRequest(() =>
      this.db.write({ actorId: claim.userId, at: this.clock.now() }, async (tx) => {
        const where = { userId: claim.userId, idempotencyKey: claim.key };
        const row = await tx.manager.findOneBy(IdempotencyKeyEntity, where);
        if (!row) return;
        if (row.appliedAt) {
          await tx.manager.update(IdempotencyKeyEntity, where, {
            responseStatus: status,
            responseBody: body,
          });
        } else {
          await tx.manager.delete(IdempotencyKeyEntity, where);
        }
      }),
    );
  }

  private async markApplied(tx: WriteTransaction): Promise<void> {
    const claim = requestClaims.getStore();
    if (!claim) return;
    await tx.manager
      .createQueryBuilder()
      .update(IdempotencyKeyEntity)
      .set({ appliedAt: tx.at })
      .where('user_id = :userId AND idempotency_key = :key AND applied_at IS NULL', claim)
      .execute();
  }

  /** Book-keeping writes are not the request's own change: they must not mark it applied. */
  private outsideRequest<T>(work: () => Promise<T>): Promise<T> {
    return requestClaims.exit(work);
  }
}
