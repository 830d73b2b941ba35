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

export function parseCron(expression: string): CronSchedule {
  throw new Error("Not implemented");
}

/** The first run strictly after `after`, or null if none within ten years. */
export function nextRun(expression: string, after: Date): Date | null {
  throw new Error("Not implemented");
}

/** The next `count` runs after `after`, in order. */
export function nextRuns(expression: string, after: Date, count: number): Date[] {
  throw new Error("Not implemented");
}
