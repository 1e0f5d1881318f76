import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useBarLinkShape } from './BarLink';
import {
  AXIS_LABEL,
  AXIS_TICK,
  CHART_COLORS,
  CHART_MARGIN,
  latencyChartHeight,
} from './chart-theme';

/** One row of a latency chart: its median bar links to the issues behind it. */
export interface LatencyBar {
  name: string;
  p50: number;
  p90: number;
  href: string;
  linkLabel: string;
}

/**
 * Median and 90th-percentile latency as horizontal bars, a row per discipline or authority, as
 * the recommendation and decision latency charts draw them (loaded lazily, through plots.tsx).
 */
export function LatencyBarChart({
  data,
  axisLabel,
  minHeight,
  rowHeight,
}: {
  data: readonly LatencyBar[];
  /** What the days measure, e.g. "Days from ready to decided". */
  axisLabel: string;
  minHeight: number;
  rowHeight: number;
}) {
  const shape = useBarLinkShape();
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: '100%', height: latencyChartHeight(data.length, minHeight, rowHeight) }}
      data={[...data]}
      margin={CHART_MARGIN}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
      <XAxis
        type="number"
        tick={AXIS_TICK}
        label={{ ...AXIS_LABEL, value: axisLabel, position: 'bottom', offset: 8 }}
      />
      <YAxis type="category" dataKey="name" width={220} tick={AXIS_TICK} />
      <Tooltip />
      <Legend verticalAlign="top" height={28} itemSorter={null} />
      <Bar
        isAnimationActive={false}
        dataKey="p50"
        name="Median (days)"
        fill={CHART_COLORS.primary}
        shape={shape}
      />
      <Bar
        isAnimationActive={false}
        dataKey="p90"
        name="90th percentile (days)"
        fill={CHART_COLORS.secondary}
      />
    </BarChart>
  );
}
