/**
 * Runs a computation written as steps (a generator that yields between passes), giving the event
 * loop a turn whenever `sliceMs` have passed since the last: other requests, /health and timers
 * run in between, so one large report delays them by about a slice (or its longest step) rather
 * than by its whole length (ADR 19). A small report runs through without a pause: under load each
 * turn waits behind every other request's work, and a 3 ms report would pay that at every step.
 */
export async function runInSteps<T>(steps: Generator<void, T, void>, sliceMs = 10): Promise<T> {
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStarted >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
}
