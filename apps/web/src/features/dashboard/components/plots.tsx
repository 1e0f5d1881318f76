// Every recharts chart of the dashboard, in the one chunk that carries recharts: the panels
// around them (titles, descriptions, tables) load with the page, and these only as the charts
// come into view, through lazy-plots.ts (ADR 0021). Nothing else imports this module directly.
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useBarLinkShape, type LinkedDatum } from './BarLink';
import {
  AGING_HEIGHT,
  AXIS_LABEL,
  AXIS_TICK,
  CHART_COLORS,
  CHART_MARGIN,
  TIER_HEIGHT,
  WEEKLY_FLOW_HEIGHT,
} from './chart-theme';

export { LatencyBarChart } from './LatencyBarChart';

/** Aging: a bar per band of open issues, each a link to them. */
export function AgingPlot({ data }: { data: readonly (LinkedDatum & { count: number })[] }) {
  const shape = useBarLinkShape();
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: AGING_HEIGHT }}
      data={[...data]}
      margin={CHART_MARGIN}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis
        dataKey="label"
        tick={AXIS_TICK}
        label={{ ...AXIS_LABEL, value: 'Age since raised (days)', position: 'bottom', offset: 8 }}
      />
      <YAxis
        allowDecimals={false}
        tick={AXIS_TICK}
        label={{ ...AXIS_LABEL, value: 'Open issues', angle: -90, position: 'insideLeft' }}
      />
      <Tooltip formatter={(value) => [value, 'Open issues']} />
      <Bar
        isAnimationActive={false}
        dataKey="count"
        name="Open issues"
        fill={CHART_COLORS.primary}
        shape={shape}
      />
    </BarChart>
  );
}

/** A week of the weekly flow: two bars, each with a link of its own, and the overdue line. */
export interface WeeklyFlowDatum {
  week: string;
  opened: number;
  closed: number;
  overdue: number;
  openedLink: LinkedDatum;
  closedLink: LinkedDatum;
}

/** Opened and closed bars per week, and a line of the overdue count at each week's end. */
export function WeeklyFlowPlot({ data }: { data: readonly WeeklyFlowDatum[] }) {
  const openedShape = useBarLinkShape('openedLink');
  const closedShape = useBarLinkShape('closedLink');
  return (
    <ComposedChart
      responsive
      style={{ width: '100%', height: WEEKLY_FLOW_HEIGHT }}
      data={[...data]}
      margin={CHART_MARGIN}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis
        dataKey="week"
        tick={AXIS_TICK}
        label={{ ...AXIS_LABEL, value: 'Week starting', position: 'bottom', offset: 8 }}
      />
      <YAxis
        allowDecimals={false}
        tick={AXIS_TICK}
        label={{ ...AXIS_LABEL, value: 'Issues per week', angle: -90, position: 'insideLeft' }}
      />
      <Tooltip />
      <Legend verticalAlign="top" height={28} itemSorter={null} />
      <Bar
        isAnimationActive={false}
        dataKey="opened"
        name="Opened"
        fill={CHART_COLORS.primary}
        shape={openedShape}
      />
      <Bar
        isAnimationActive={false}
        dataKey="closed"
        name="Closed"
        fill={CHART_COLORS.closed}
        shape={closedShape}
      />
      <Line
        dataKey="overdue"
        name="Overdue at week’s end"
        stroke={CHART_COLORS.late}
        strokeWidth={2}
        strokeDasharray="5 3"
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}

/** Open issues per tier, each bar a link to them, labelled with how long they have sat there. */
export function TierPlot({
  data,
}: {
  data: readonly (LinkedDatum & { name: string; open: number; caption: string })[];
}) {
  const shape = useBarLinkShape();
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: TIER_HEIGHT }}
      data={[...data]}
      margin={{ ...CHART_MARGIN, top: 24 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
      <XAxis
        dataKey="name"
        tick={AXIS_TICK}
        label={{
          ...AXIS_LABEL,
          value: 'Tier (label: open issues · median days there)',
          position: 'bottom',
          offset: 8,
        }}
      />
      <YAxis
        allowDecimals={false}
        tick={AXIS_TICK}
        label={{ ...AXIS_LABEL, value: 'Open issues', angle: -90, position: 'insideLeft' }}
      />
      <Tooltip formatter={(value) => [value, 'Open issues']} />
      <Bar
        isAnimationActive={false}
        dataKey="open"
        name="Open issues"
        fill={CHART_COLORS.primary}
        shape={shape}
      >
        <LabelList dataKey="caption" position="top" fill={CHART_COLORS.text} fontSize={13} />
      </Bar>
    </BarChart>
  );
}
