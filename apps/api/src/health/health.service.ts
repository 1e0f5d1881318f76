import { Injectable } from '@nestjs/common';

/**
 * What `/health` reports. `writes` failing makes the app unhealthy (503): it cannot keep the
 * record. `liveUpdates` failing only degrades it (200): changes are saved, but browsers on other
 * instances hear of them late.
 */
export type HealthCheck = 'writes' | 'liveUpdates';

const FATAL: ReadonlySet<HealthCheck> = new Set(['writes']);

export interface HealthReport {
  readonly httpStatus: 200 | 503;
  readonly body: {
    readonly status: 'starting' | 'ok' | 'degraded' | 'failing';
    /** Each check that is not fine, with what is wrong and since when. */
    readonly problems: Readonly<Partial<Record<HealthCheck, { reason: string; since: string }>>>;
  };
}

/** Whether the app has finished starting, and what is wrong with it now. */
@Injectable()
export class HealthService {
  private ready = false;
  private readonly problems = new Map<HealthCheck, { reason: string; since: string }>();

  markReady(): void {
    this.ready = true;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Records that a check failed (keeping the first instant it did) or, with null, recovered. */
  report(check: HealthCheck, problem: string | null, at: Date): void {
    if (problem === null) {
      this.problems.delete(check);
      return;
    }
    const since = this.problems.get(check)?.since ?? at.toISOString();
    this.problems.set(check, { reason: problem, since });
  }

  problem(check: HealthCheck): string | null {
    return this.problems.get(check)?.reason ?? null;
  }

  snapshot(): HealthReport {
    const problems = Object.fromEntries(this.problems);
    if (!this.ready) return { httpStatus: 503, body: { status: 'starting', problems } };
    const fatal = [...this.problems.keys()].some((check) => FATAL.has(check));
    if (fatal) return { httpStatus: 503, body: { status: 'failing', problems } };
    return {
      httpStatus: 200,
      body: { status: this.problems.size > 0 ? 'degraded' : 'ok', problems },
    };
  }
}
