import {
  DAY_MS,
  dueAfter,
  dueDateAfter,
  END_OF_DAY_MS,
  policyDueAt,
  UNRATED_CONSEQUENCE,
  zoneOffsetMinutes,
  type Consequence,
  type DayKind,
  type Instant,
  type Stage,
  type TimelinessPolicy,
  type WorkCalendar,
} from '@ipt/domain';

const HOUR_MS = 3_600_000;

/**
 * The domain's due-date rules (`policyDueAt`, `dueAfter`) at generator speed. The domain builds
 * an Intl formatter per call (~0.4 ms), too slow for millions of stages, so this replays the
 * same steps with the zone offset cached per UTC hour (zones change offset on whole hours) and
 * the local-date arithmetic memoized. Every `checkEvery`-th answer is recomputed with the domain
 * functions themselves and a difference stops the generator: the rules stay the domain's.
 */
export class DueDates {
  private readonly offsets = new Map<number, number>();
  private readonly dueDates = new Map<string, string>();
  private calls = 0;
  checked = 0;

  constructor(
    readonly policy: TimelinessPolicy,
    readonly calendar: WorkCalendar,
    private readonly checkEvery = 1000,
  ) {}

  /**
   * Minutes the program's zone is ahead of UTC at an instant. Cached per UTC day when the offset is
   * the same at both ends of the day, else per UTC hour (zones change offset on whole hours).
   */
  offsetMinutes(instant: Instant): number {
    const day = Math.floor(instant / DAY_MS);
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const zone = this.calendar.timeZone;
      const first = zoneOffsetMinutes(new Date(day * DAY_MS), zone);
      const last = zoneOffsetMinutes(new Date(day * DAY_MS + DAY_MS - HOUR_MS), zone);
      offset = first === last ? first : Number.NaN;
      this.offsets.set(day, offset);
    }
    if (!Number.isNaN(offset)) return offset;
    const hour = -1 - Math.floor(instant / HOUR_MS);
    let hourly = this.offsets.get(hour);
    if (hourly === undefined) {
      hourly = zoneOffsetMinutes(new Date(-(hour + 1) * HOUR_MS), this.calendar.timeZone);
      this.offsets.set(hour, hourly);
    }
    return hourly;
  }

  localDate(instant: Instant): string {
    const local = instant + this.offsetMinutes(instant) * 60_000;
    return new Date(Math.floor(local / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  }

  /** As the domain's `instantAtLocal`, with cached offsets. */
  instantAtLocal(localDate: string, millisOfDay: number): Instant {
    const wall = Date.parse(`${localDate}T00:00:00Z`) + millisOfDay;
    let guess = wall - this.offsetMinutes(wall) * 60_000;
    guess = wall - this.offsetMinutes(guess) * 60_000;
    return guess;
  }

  dueAfter(start: Instant, days: number, kind: DayKind): Instant {
    const startDate = this.localDate(start);
    const key = `${startDate}|${days}|${kind}`;
    let dueDate = this.dueDates.get(key);
    if (dueDate === undefined) {
      dueDate = dueDateAfter(startDate, days, kind, this.calendar);
      this.dueDates.set(key, dueDate);
    }
    const due = this.instantAtLocal(dueDate, END_OF_DAY_MS);
    if (++this.calls % this.checkEvery === 0) {
      this.checked++;
      const expected = dueAfter(new Date(start), days, kind, this.calendar).getTime();
      if (expected !== due) {
        throw new Error(
          `Generator due date ${new Date(due).toISOString()} differs from the domain's ` +
            `${new Date(expected).toISOString()} for ${days} ${kind} days after ${new Date(start).toISOString()}`,
        );
      }
    }
    return due;
  }

  /** As the domain's `policyDueAt`. */
  policyDue(stage: Stage, start: Instant, consequence: Consequence | null): Instant {
    const days = this.policy.allowances[consequence ?? UNRATED_CONSEQUENCE][stage];
    return this.dueAfter(start, days, this.policy.dayKind);
  }

  /** The domain's own answer, for tests. */
  domainPolicyDue(stage: Stage, start: Instant, consequence: Consequence | null): Instant {
    return policyDueAt(stage, start, consequence, this.policy, this.calendar);
  }
}
