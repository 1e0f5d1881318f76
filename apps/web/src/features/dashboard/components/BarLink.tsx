import { useCallback, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/** A chart datum that leads somewhere: where to, and what it holds in words. */
export interface LinkedDatum {
  readonly href: string;
  readonly linkLabel: string;
}

/** What recharts hands a bar's custom shape (the part of it a link needs). */
export interface BarShapeInput {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  fill?: string;
  payload?: unknown;
}

/** The thinnest bar drawn, so an empty category still has something to point at and focus. */
const MIN_SIZE = 2;

function isLinked(value: unknown): value is LinkedDatum {
  return typeof value === 'object' && value !== null && 'href' in value && 'linkLabel' in value;
}

/**
 * A bar shape for recharts that makes each bar a link into the tracker: focusable with Tab,
 * opened with Enter or a click, named for what it holds. Inside the SVG it is a real `<a href>`,
 * so it can also be opened in a new tab; a plain click navigates within the app. The datum
 * carries its own `href` and `linkLabel`, so the shape stays the same across renders.
 *
 * A datum drawn as more than one bar that lead to different issues (a week's opened and closed)
 * carries a link per bar instead, each under its own key: `linkKey` names this bar's.
 */
export function useBarLinkShape(linkKey?: string) {
  const navigate = useNavigate();
  return useCallback(
    (props: BarShapeInput) => {
      const x = Number(props.x ?? 0);
      const y = Number(props.y ?? 0);
      const width = Number(props.width ?? 0);
      const height = Number(props.height ?? 0);
      // Vertical bars grow up from the axis; horizontal ones right from it.
      const vertical = Math.abs(width) >= MIN_SIZE && Math.abs(height) < MIN_SIZE;
      const rect = vertical
        ? { x, y: y + height - MIN_SIZE, width, height: MIN_SIZE }
        : {
            x: Math.min(x, x + width),
            y: Math.min(y, y + height),
            width: Math.max(Math.abs(width), MIN_SIZE),
            height: Math.abs(height),
          };
      const datum = linkKey === undefined ? props.payload : fieldOf(props.payload, linkKey);
      if (!isLinked(datum)) return <rect {...rect} fill={props.fill} />;
      function open(event: MouseEvent<Element>) {
        if (!isLinked(datum)) return;
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        void navigate(datum.href);
      }
      return (
        <a href={datum.href} aria-label={datum.linkLabel} className="dashboard-bar" onClick={open}>
          <rect {...rect} fill={props.fill} />
        </a>
      );
    },
    [navigate, linkKey],
  );
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
