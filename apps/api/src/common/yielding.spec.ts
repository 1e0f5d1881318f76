import { runInSteps } from './yielding';

describe(runInSteps.name, () => {
  function* steps(order: string[], busyMs = 0): Generator<void, number, void> {
    const busy = () => {
      const until = performance.now() + busyMs;
      while (performance.now() < until);
    };
    order.push('step 1');
    setImmediate(() => order.push('other work'));
    busy();
    yield;
    order.push('step 2');
    busy();
    yield;
    order.push('step 3');
    return 42;
  }

  it('lets work queued meanwhile run once a slice has passed, and returns the result', async () => {
    const order: string[] = [];
    await expect(runInSteps(steps(order, 15), 10)).resolves.toBe(42);
    expect(order).toEqual(['step 1', 'other work', 'step 2', 'step 3']);
  });

  it('runs quick steps through without a pause', async () => {
    const order: string[] = [];
    await expect(runInSteps(steps(order), 10_000)).resolves.toBe(42);
    expect(order).toEqual(['step 1', 'step 2', 'step 3']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['step 1', 'step 2', 'step 3', 'other work']);
  });

  it('passes on an error thrown by a step', async () => {
    function* failing(): Generator<void, never, void> {
      yield;
      throw new Error('a step failed');
    }
    await expect(runInSteps(failing(), 0)).rejects.toThrow('a step failed');
  });
});
