import { Suspense, startTransition, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far outside the viewport a placeholder starts its content: about a screen's scroll. */
const AHEAD = '300px 0px';

interface WhenVisibleProps {
  /** The height the content will take, kept by the placeholder so the page does not jump. */
  height: number;
  /** Whether the content was shown before (it then renders at once, without waiting again). */
  seen?: boolean;
  /** Told once the placeholder has come into view. */
  onSeen?: () => void;
  /** Content that may suspend (a `React.lazy` component): its code loads as it renders. */
  children: ReactNode;
}

/**
 * Renders `children` once the place they take comes near the viewport, and keeps them from then
 * on: a chart further down the page neither loads its code nor renders until scrolled to (ADR
 * 0021). The render is a transition, so several charts coming into view at once do not hold the
 * main thread in one long task. Without IntersectionObserver (jsdom) the content renders at once.
 */
export function WhenVisible({ height, seen = false, onSeen, children }: WhenVisibleProps) {
  const placeholder = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(() => seen || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = placeholder.current;
    if (visible || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        onSeen?.();
        startTransition(() => setVisible(true));
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible, onSeen]);
  const reserved = <div ref={placeholder} className="when-visible" style={{ height }} />;
  return visible ? <Suspense fallback={reserved}>{children}</Suspense> : reserved;
}
