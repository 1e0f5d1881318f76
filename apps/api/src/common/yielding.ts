/**
 * Runs a computation written as steps (a generator that yields between passes), giving the event
 * loop a turn after each: other requests, /health and timers run in between, so one large report
 * delays them by its longest step rather than by its whole length (ADR 19).
 */
export async function runInSteps<T>(steps: Generator<void, T, void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
