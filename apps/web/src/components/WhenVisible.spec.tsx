import { act, render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { WhenVisible } from './WhenVisible';

/** An IntersectionObserver the test drives: `intersect()` brings every observed element in view. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  readonly observed: Element[] = [];
  disconnected = false;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeObserver.instances.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
  intersect() {
    const entries = this.observed.map((target) => ({ target, isIntersecting: true }));
    this.callback(entries as IntersectionObserverEntry[], this as unknown as IntersectionObserver);
  }
}

beforeEach(() => {
  FakeObserver.instances = [];
  Object.assign(globalThis, { IntersectionObserver: FakeObserver });
});
afterEach(() => {
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
});

describe('WhenVisible', () => {
  it('holds the place, then loads and renders its content once it nears the viewport', async () => {
    let loads = 0;
    const Chart = lazy(async () => {
      loads += 1;
      return { default: () => <p>the chart</p> };
    });
    const onSeen = jest.fn();
    const { container } = render(
      <WhenVisible height={260} onSeen={onSeen}>
        <Chart />
      </WhenVisible>,
    );
    const placeholder = container.querySelector('.when-visible') as HTMLElement;
    expect(placeholder.style.height).toBe('260px');
    expect(screen.queryByText('the chart')).toBeNull();
    expect(loads).toBe(0);

    const [observer] = FakeObserver.instances;
    expect(observer!.observed).toEqual([placeholder]);
    expect(observer!.options?.rootMargin).toMatch(/^\d+px 0px$/);
    act(() => observer!.intersect());
    await screen.findByText('the chart');
    expect(loads).toBe(1);
    expect(onSeen).toHaveBeenCalledTimes(1);
    expect(observer!.disconnected).toBe(true);
  });

  it('renders at once what was seen before', () => {
    render(
      <WhenVisible height={100} seen>
        <p>the chart</p>
      </WhenVisible>,
    );
    expect(screen.getByText('the chart')).toBeInTheDocument();
    expect(FakeObserver.instances).toHaveLength(0);
  });
});
