import { lazy } from 'react';

// The dashboard's charts, loaded on first render: React.lazy fetches the one chunk that holds
// recharts and every plot (plots.tsx) when a chart first nears the viewport (ChartPanel,
// WhenVisible), not with the page (ADR 0021).
const plots = () => import('./plots');

export const AgingPlot = lazy(() => plots().then((m) => ({ default: m.AgingPlot })));
export const WeeklyFlowPlot = lazy(() => plots().then((m) => ({ default: m.WeeklyFlowPlot })));
export const TierPlot = lazy(() => plots().then((m) => ({ default: m.TierPlot })));
export const LatencyBarChart = lazy(() => plots().then((m) => ({ default: m.LatencyBarChart })));
