import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CronSyntaxError, nextRun, nextRuns, parseCron } from "./cron";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const at = (iso: string) => new Date(iso);

describe("parseCron: syntax", () => {
  it("reads lists, ranges with steps and duplicates", () => {
    const schedule = parseCron("5,10-30/10,10 0,23 1,15,31 2-4 *");
    assert.deepEqual(schedule.minutes, [5, 10, 20, 30]);
    assert.deepEqual(schedule.hours, [0, 23]);
    assert.deepEqual(schedule.daysOfMonth, [1, 15, 31]);
    assert.deepEqual(schedule.months, [2, 3, 4]);
    assert.deepEqual(schedule.daysOfWeek, range(0, 6));
  });

  it("starts */s at the field's minimum", () => {
    assert.deepEqual(parseCron("* * */10 */5 */3").daysOfMonth, [1, 11, 21, 31]);
    assert.deepEqual(parseCron("* * */10 */5 */3").months, [1, 6, 11]);
    assert.deepEqual(parseCron("* * */10 */5 */3").daysOfWeek, [0, 3, 6]);
  });

  it("treats 7 as Sunday", () => {
    assert.deepEqual(parseCron("0 0 * * 5-7").daysOfWeek, [0, 5, 6]);
    assert.deepEqual(parseCron("0 0 * * 0,7").daysOfWeek, [0]);
  });

  it("accepts extra whitespace and tabs", () => {
    assert.deepEqual(parseCron("  0\t\t12  *  * *  ").hours, [12]);
  });

  it("expands macros", () => {
    assert.deepEqual(parseCron("@weekly"), parseCron("0 0 * * 0"));
    assert.deepEqual(parseCron("@yearly"), parseCron("0 0 1 1 *"));
    assert.deepEqual(parseCron("@monthly"), parseCron("0 0 1 * *"));
    assert.deepEqual(parseCron("@daily"), parseCron("0 0 * * *"));
    assert.deepEqual(parseCron("@hourly"), parseCron("0 * * * *"));
  });

  it("decides between either and both day matching", () => {
    assert.equal(parseCron("0 0 13 * 5").dayMatch, "either");
    assert.equal(parseCron("0 0 13 * *").dayMatch, "both");
    assert.equal(parseCron("0 0 * * 5").dayMatch, "both");
    assert.equal(parseCron("0 0 */2 * 5").dayMatch, "both");
    assert.equal(parseCron("0 0 1-7 * 1").dayMatch, "either");
  });

  const invalid = [
    "",
    "* * * *",
    "* * * * * *",
    "@every5m",
    "1,,2 * * * *",
    "* 24 * * *",
    "* * 0 * *",
    "* * 32 * *",
    "* * * 0 *",
    "* * * 13 *",
    "* * * * 8",
    "30-10 * * * *",
    "*/0 * * * *",
    "5/10 * * * *",
    "* * * JAN *",
    "* * * * MON",
    "-1 * * * *",
    "1.5 * * * *",
    "*/ * * * *",
    "** * * * *",
  ];
  for (const expression of invalid) {
    it(`rejects ${JSON.stringify(expression)}`, () => {
      assert.throws(() => parseCron(expression), CronSyntaxError);
    });
  }

  it("CronSyntaxError is an Error", () => {
    assert.throws(() => parseCron("nope"), (error: unknown) => error instanceof CronSyntaxError && error instanceof Error);
  });
});

describe("nextRun", () => {
  it("ignores seconds of the starting time but stays strictly after it", () => {
    assert.deepEqual(nextRun("* * * * *", at("2024-01-01T00:00:00.000Z")), at("2024-01-01T00:01:00Z"));
    assert.deepEqual(nextRun("* * * * *", at("2024-01-01T00:00:59.999Z")), at("2024-01-01T00:01:00Z"));
  });

  it("rolls over hours, days, months and years", () => {
    assert.deepEqual(nextRun("0 0 * * *", at("2024-12-31T23:59:00Z")), at("2025-01-01T00:00:00Z"));
    assert.deepEqual(nextRun("59 23 31 12 *", at("2024-12-31T23:59:00Z")), at("2025-12-31T23:59:00Z"));
    assert.deepEqual(nextRun("15 10 * * *", at("2024-05-01T10:15:00Z")), at("2024-05-02T10:15:00Z"));
  });

  it("skips months without the day", () => {
    assert.deepEqual(nextRun("0 0 31 * *", at("2024-04-01T00:00:00Z")), at("2024-05-31T00:00:00Z"));
  });

  it("finds leap days", () => {
    assert.deepEqual(nextRun("0 0 29 2 *", at("2024-03-01T00:00:00Z")), at("2028-02-29T00:00:00Z"));
  });

  it("matches either day field when both are restricted", () => {
    // 2024-09-13 is a Friday; the next Friday is the 20th, the next 13th is October's.
    const runs = nextRuns("0 0 13 * 5", at("2024-09-12T00:00:00Z"), 4);
    assert.deepEqual(runs, [at("2024-09-13T00:00:00Z"), at("2024-09-20T00:00:00Z"), at("2024-09-27T00:00:00Z"), at("2024-10-04T00:00:00Z")]);
    assert.deepEqual(nextRun("0 0 13 * 5", at("2024-10-12T00:00:00Z")), at("2024-10-13T00:00:00Z"));
  });

  it("requires both day fields when one is a star", () => {
    // Fridays only (day of month is *): 2024-09-13 is a Friday.
    assert.deepEqual(nextRun("0 0 * * 5", at("2024-09-10T00:00:00Z")), at("2024-09-13T00:00:00Z"));
    // */2 starts with a star, so "both": odd days that are Mondays.
    assert.deepEqual(nextRun("0 0 */2 * 1", at("2024-09-01T00:00:00Z")), at("2024-09-09T00:00:00Z"));
  });

  it("uses the last minute of the day correctly", () => {
    assert.deepEqual(nextRun("59 23 * * *", at("2024-06-30T23:58:00Z")), at("2024-06-30T23:59:00Z"));
  });

  it("returns null for dates that never exist", () => {
    assert.equal(nextRun("0 0 30 2 *", at("2024-01-01T00:00:00Z")), null);
    assert.equal(nextRun("0 0 31 4,6,9,11 *", at("2024-01-01T00:00:00Z")), null);
  });

  it("gives up on impossible schedules by walking days, not minutes (timed against a day walk in the same run)", () => {
    assert.equal(nextRun("*/5 * 31 2 *", at("2024-01-01T00:00:00Z")), null);
    assertWithinRatioOfBaseline(
      () => () => {
        for (let i = 0; i < 20; i++) nextRun("*/5 * 31 2 *", at("2024-01-01T00:00:00Z"));
      },
      () => () => {
        for (let i = 0; i < 20; i++) baselineDayWalk(at("2024-01-01T00:00:00Z"), 2, 31);
      },
    );
  });

  it("rejects invalid dates", () => {
    assert.throws(() => nextRun("* * * * *", new Date("not a date")), RangeError);
  });
});

describe("nextRuns", () => {
  it("returns consecutive runs", () => {
    assert.deepEqual(nextRuns("*/30 9 * * *", at("2024-01-01T09:10:00Z"), 3), [
      at("2024-01-01T09:30:00Z"),
      at("2024-01-02T09:00:00Z"),
      at("2024-01-02T09:30:00Z"),
    ]);
  });

  it("returns [] for count 0 and rejects bad counts", () => {
    assert.deepEqual(nextRuns("* * * * *", at("2024-01-01T00:00:00Z"), 0), []);
    assert.throws(() => nextRuns("* * * * *", at("2024-01-01T00:00:00Z"), -1), RangeError);
    assert.throws(() => nextRuns("* * * * *", at("2024-01-01T00:00:00Z"), 1.5), RangeError);
  });

  it("stops at the end of the ten-year window", () => {
    const runs = nextRuns("0 0 29 2 *", at("2024-01-01T00:00:00Z"), 10);
    assert.deepEqual(runs, [at("2024-02-29T00:00:00Z"), at("2028-02-29T00:00:00Z"), at("2032-02-29T00:00:00Z")]);
  });

  it("handles a thousand runs of a busy schedule", () => {
    const runs = nextRuns("*/5 * * * 1-5", at("2024-01-05T23:00:00Z"), 1000);
    assert.equal(runs.length, 1000);
    // Friday 23:05 … 23:55 are runs 0–10; Monday 00:00 comes next.
    assert.deepEqual(runs[11], at("2024-01-08T00:00:00Z"));
    for (let i = 1; i < runs.length; i++) assert.ok(runs[i]! > runs[i - 1]!);
  });

  it("validates the expression", () => {
    assert.throws(() => nextRuns("bad", at("2024-01-01T00:00:00Z"), 1), CronSyntaxError);
  });
});

/** The stated search shape: one step per day over the ten-year window, looking for month/day. */
function baselineDayWalk(after: Date, month: number, dayOfMonth: number): Date | null {
  const limit = new Date(after.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() + 10);
  for (let day = new Date(Math.floor(after.getTime() / 86_400_000) * 86_400_000); day < limit; day = new Date(day.getTime() + 86_400_000)) {
    if (day.getUTCMonth() + 1 === month && day.getUTCDate() === dayOfMonth) return day;
  }
  return null;
}

// Efficiency without depending on the machine's speed: the candidate and a baseline of the
// expected complexity do the same work in the same run, so both see the same machine and
// load. The candidate may be many times slower than the baseline, but a solution of the wrong
// complexity is slower by orders of magnitude on this input. `prepare` builds what is not
// measured and returns the work to time. A load spike gets one retry.
function msOf(prepare: () => () => unknown): number {
  const work = prepare();
  const started = performance.now();
  work();
  return performance.now() - started;
}

function assertWithinRatioOfBaseline(candidate: () => () => unknown, baseline: () => () => unknown, maxRatio = 10): void {
  const base = [msOf(baseline), msOf(baseline), msOf(baseline)].sort((a, b) => a - b)[1]!;
  const limit = maxRatio * base + 20;
  let took = msOf(candidate);
  // Only a near miss is worth a second look; far beyond the limit is the complexity, not load.
  if (took > limit && took < 3 * limit) took = Math.min(took, msOf(candidate));
  assert.ok(took <= limit, `took ${Math.round(took / base)}x as long as a solution of the stated complexity (allowed ${maxRatio}x)`);
}
