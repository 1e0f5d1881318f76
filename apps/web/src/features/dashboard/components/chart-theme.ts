/** Colours with at least 3:1 contrast on white, told apart by more than hue (labels, tables). */
export const CHART_COLORS = {
  primary: '#1d4ed8',
  secondary: '#7c3aed',
  closed: '#15803d',
  late: '#a61b1b',
  grid: '#d2d8e1',
  text: '#1b2230',
} as const;

export const CHART_MARGIN = { top: 8, right: 16, bottom: 28, left: 16 };
export const AXIS_TICK = { fill: CHART_COLORS.text, fontSize: 13 };
export const AXIS_LABEL = { fill: CHART_COLORS.text, fontSize: 13 };

/** Chart heights (px), known before a chart's code loads so its place is held for it. */
export const AGING_HEIGHT = 260;
export const WEEKLY_FLOW_HEIGHT = 280;
export const TIER_HEIGHT = 260;

/** A horizontal latency chart's height: a row per bar, above a minimum. */
export function latencyChartHeight(rows: number, minHeight: number, rowHeight: number): number {
  return Math.max(minHeight, 48 + rows * rowHeight);
}
