/**
 * Time is a dependency: services ask the injected Clock for "now", so tests fix the instant and
 * every timestamp (and, later, every timeliness figure) becomes exact.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = {
  // eslint-disable-next-line no-restricted-syntax -- the one place the real time is read
  now: () => new Date(),
};

/** A clock that stands still until moved: for tests. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
