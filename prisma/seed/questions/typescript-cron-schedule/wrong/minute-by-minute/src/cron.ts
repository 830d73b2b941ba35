/** The expression is not a valid cron expression. */
export class CronSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CronSyntaxError";
  }
}

export interface CronSchedule {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 0–6, Sunday = 0. */
  daysOfWeek: number[];
  /** "either" when both day fields are restricted (classic cron), else "both". */
  dayMatch: "both" | "either";
}

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@hourly": "0 * * * *",
};

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

const SEARCH_YEARS = 10;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function parseCron(expression: string): CronSchedule {
  const trimmed = expression.trim();
  const fields = (MACROS[trimmed] ?? trimmed).split(/[ \t]+/);
  if (fields.length !== 5 || fields[0] === "") throw new CronSyntaxError(`expected 5 fields, got "${expression}"`);
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = fields.map((field, i) => parseField(field, FIELDS[i]!));
  return {
    minutes: minutes!,
    hours: hours!,
    daysOfMonth: daysOfMonth!,
    months: months!,
    daysOfWeek: [...new Set(daysOfWeek!.map((d) => d % 7))].sort((a, b) => a - b),
    dayMatch: !fields[2]!.startsWith("*") && !fields[4]!.startsWith("*") ? "either" : "both",
  };
}

function parseField(field: string, spec: (typeof FIELDS)[number]): number[] {
  const values = new Set<number>();
  for (const item of field.split(",")) {
    const match = /^(?:(\*)|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw new CronSyntaxError(`invalid ${spec.name} item "${item}"`);
    const [, star, first, last, step] = match;
    if (step !== undefined && first !== undefined && last === undefined) {
      throw new CronSyntaxError(`a step needs "*" or a range in ${spec.name} item "${item}"`);
    }
    const from = star ? spec.min : Number(first);
    const to = star ? spec.max : last !== undefined ? Number(last) : from;
    const by = step !== undefined ? Number(step) : 1;
    if (from < spec.min || to > spec.max) throw new CronSyntaxError(`${spec.name} "${item}" is outside ${spec.min}-${spec.max}`);
    if (to < from) throw new CronSyntaxError(`${spec.name} range "${item}" ends before it starts`);
    if (by < 1) throw new CronSyntaxError(`step must be at least 1 in ${spec.name} item "${item}"`);
    for (let value = from; value <= to; value += by) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

export function nextRun(expression: string, after: Date): Date | null {
  return nextRuns(expression, after, 1)[0] ?? null;
}

export function nextRuns(expression: string, after: Date, count: number): Date[] {
  const schedule = parseCron(expression);
  if (!(after instanceof Date) || Number.isNaN(after.getTime())) throw new RangeError("after must be a valid Date");
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be an integer >= 0, got ${count}`);
  const limit = new Date(after.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + SEARCH_YEARS);
  const runs: Date[] = [];
  // The first candidate: the next whole minute strictly after `after`.
  let from = Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  while (runs.length < count) {
    const run = firstRunFrom(schedule, from, limit.getTime());
    if (run === null) break;
    runs.push(new Date(run));
    from = run + MINUTE_MS;
  }
  return runs;
}

/** Wrong: right answers, but tries every minute — half a million steps per year searched. */
function firstRunFrom(schedule: CronSchedule, from: number, limit: number): number | null {
  const minutes = new Set(schedule.minutes);
  const hours = new Set(schedule.hours);
  const months = new Set(schedule.months);
  const daysOfMonth = new Set(schedule.daysOfMonth);
  const daysOfWeek = new Set(schedule.daysOfWeek);
  for (let run = from; run < limit; run += MINUTE_MS) {
    const time = new Date(run);
    if (!minutes.has(time.getUTCMinutes()) || !hours.has(time.getUTCHours()) || !months.has(time.getUTCMonth() + 1)) continue;
    const byMonthDay = daysOfMonth.has(time.getUTCDate());
    const byWeekDay = daysOfWeek.has(time.getUTCDay());
    if (schedule.dayMatch === "either" ? byMonthDay || byWeekDay : byMonthDay && byWeekDay) return run;
  }
  return null;
}
