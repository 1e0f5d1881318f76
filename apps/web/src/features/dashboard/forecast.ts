/** A pending decision's forecast, as both the dashboard and the leadership view read it. */
export interface ForecastData {
  readonly dueAt: string | null;
  readonly p50At: string | null;
  readonly p90At: string | null;
  readonly basis: 'AUTHORITY' | 'TIER' | 'PROGRAM' | 'NONE';
  readonly basisLabel: string;
}

export type ForecastOutlook = 'LIKELY_LATE' | 'AT_RISK' | 'ON_TRACK' | 'NO_DUE_DATE' | 'UNKNOWN';

/** Where the forecast lands against the due date. */
export function forecastOutlook(forecast: ForecastData): ForecastOutlook {
  if (forecast.basis === 'NONE' || !forecast.p50At) return 'UNKNOWN';
  if (!forecast.dueAt) return 'NO_DUE_DATE';
  const due = new Date(forecast.dueAt).getTime();
  if (new Date(forecast.p50At).getTime() > due) return 'LIKELY_LATE';
  if (forecast.p90At && new Date(forecast.p90At).getTime() > due) return 'AT_RISK';
  return 'ON_TRACK';
}

export const OUTLOOK_WORDS: Readonly<Record<ForecastOutlook, string>> = {
  LIKELY_LATE: 'Likely after the due date',
  AT_RISK: 'May land after the due date (1 in 10 or more)',
  ON_TRACK: 'Likely by the due date',
  NO_DUE_DATE: 'No due date set',
  UNKNOWN: 'Too little history to forecast',
};

/** "from 7 past decisions of Radio Hardware WIPT". */
export function basisWords(forecast: ForecastData): string {
  if (forecast.basis === 'NONE') return 'too little history to forecast';
  return `from ${forecast.basisLabel}`;
}
