/** A pending decision's forecast as the API sends it (Issue.decisionForecast). */
export interface DecisionForecastData {
  readonly p50At: string | null;
  readonly p90At: string | null;
  readonly basis: 'AUTHORITY' | 'TIER' | 'PROGRAM' | 'NONE';
  /** The basis in the API's words, e.g. "14 past decisions of WIPT Airframe". */
  readonly basisLabel: string;
  readonly basisCount: number;
  readonly dueAt: string | null;
}

/** Whose history the forecast rests on, in a few words. */
export const BASIS_WORDS: Readonly<Record<DecisionForecastData['basis'], string>> = {
  AUTHORITY: 'this authority’s own record',
  TIER: 'its tier’s record',
  PROGRAM: 'the whole program’s record',
  NONE: 'too little history',
};

export interface ForecastReading {
  /** Whether there is a forecast at all (enough history). */
  readonly known: boolean;
  /** Even odds it is decided after its due date. */
  readonly p50AfterDue: boolean;
  /** One in ten (or more) that it is decided after its due date, though likely not. */
  readonly p90AfterDue: boolean;
}

export function readForecast(forecast: DecisionForecastData): ForecastReading {
  const due = forecast.dueAt === null ? null : new Date(forecast.dueAt).getTime();
  const p50 = forecast.p50At === null ? null : new Date(forecast.p50At).getTime();
  const p90 = forecast.p90At === null ? null : new Date(forecast.p90At).getTime();
  const known = forecast.basis !== 'NONE' && p50 !== null;
  const p50AfterDue = known && due !== null && p50 > due;
  return {
    known,
    p50AfterDue,
    p90AfterDue: known && !p50AfterDue && due !== null && p90 !== null && p90 > due,
  };
}
