import { runInSteps } from './yielding';

describe(runInSteps.name, () => {
  it('lets work queued meanwhile run between the steps, and returns the result', async () => {
    const order: string[] = [];
    function* steps(): Generator<void, number, void> {
      order.push('step 1');
      setImmediate(() => order.push('other work'));
      yield;
      order.push('step 2');
      yield;
      order.push('step 3');
      return 42;
    }
    await expect(runInSteps(steps())).resolves.toBe(42);
    expect(order).toEqual(['step 1', 'other work', 'step 2', 'step 3']);
  });

  it('passes on an error thrown by a step', async () => {
    function* failing(): Generator<void, never, void> {
      yield;
      throw new Error('a step failed');
    }
    await expect(runInSteps(failing())).rejects.toThrow('a step failed');
  });
});
