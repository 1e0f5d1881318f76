import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A number in a table that opens the issues behind it in the tracker. */
export function TrackerLink({
  to,
  label,
  children,
}: {
  to: string;
  /** What the link opens, for screen readers ("16-30 days: open in the tracker"). */
  label: string;
  children: ReactNode;
}) {
  return (
    <Link to={to} aria-label={`${String(children)} – ${label}`}>
      {children}
    </Link>
  );
}
