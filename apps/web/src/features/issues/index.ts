/** What other screens may use of the issues feature: the tracker's filters, to link into it. */
export { NO_FILTERS, PARAM, parseFilters, withFilters, type TrackerFilters } from './filters';
