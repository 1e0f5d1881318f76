/**
 * What other screens may use of the timeliness feature: its stage clocks and decision forecast,
 * and the policy's conversions and words for the issue page's due dates and the set-up editor.
 */
export { DecisionForecast } from './components/DecisionForecast';
export { RunningStageClock, StageClocks } from './components/StageClocks';
export {
  daysText,
  STAGE_NAMES,
  toDomainPolicy,
  toPolicyFields,
  workCalendar,
  type PolicyFields,
} from './policy';
