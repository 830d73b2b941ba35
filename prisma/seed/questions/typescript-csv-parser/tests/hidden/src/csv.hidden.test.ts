import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CsvError, parseCsv, parseCsvRecords } from "./csv";

function csvErrorAt(line: number, column: number) {
  return (error: unknown) => {
    assert.ok(error instanceof CsvError, `expected a CsvError, got ${String(error)}`);
    assert.ok(error instanceof Error);
    assert.deepEqual([error.line, error.column], [line, column]);
    return true;
  };
}

describe("parseCsv: records and lines", () => {
  it("returns [] for empty text or only line breaks", () => {
    assert.deepEqual(parseCsv(""), []);
    assert.deepEqual(parseCsv("\n\r\n\n"), []);
  });

  it("skips empty lines anywhere", () => {
    assert.deepEqual(parseCsv("\n\na\n\n\nb\r\n\r\n"), [["a"], ["b"]]);
  });

  it("does not need a final line break", () => {
    assert.deepEqual(parseCsv("a,b"), [["a", "b"]]);
  });

  it("reads a line with only a delimiter as two empty fields", () => {
    assert.deepEqual(parseCsv(",\n"), [["", ""]]);
    assert.deepEqual(parseCsv("a,\n,b"), [
      ["a", ""],
      ["", "b"],
    ]);
  });

  it("treats a lone carriage return as data", () => {
    assert.deepEqual(parseCsv("a\rb,c\r\nd"), [["a\rb", "c"], ["d"]]);
  });

  it("allows records of different lengths", () => {
    assert.deepEqual(parseCsv("a\nb,c,d\n"), [["a"], ["b", "c", "d"]]);
  });
});

describe("parseCsv: quoted fields", () => {
  it("reads empty quoted fields and a field that is only a quote", () => {
    assert.deepEqual(parseCsv('"",""""\n'), [["", '"']]);
  });

  it("keeps CRLF inside quotes", () => {
    assert.deepEqual(parseCsv('"a\r\nb",c'), [["a\r\nb", "c"]]);
  });

  it("reads a quoted field at the very end of the text", () => {
    assert.deepEqual(parseCsv('a,"b"'), [["a", "b"]]);
  });

  it("keeps unicode", () => {
    assert.deepEqual(parseCsv('名前,"emoji 🎉"\n'), [["名前", "emoji 🎉"]]);
  });
});

describe("parseCsv: errors", () => {
  it("rejects text after a closing quote", () => {
    assert.throws(() => parseCsv('a,"b"c'), csvErrorAt(1, 6));
    assert.throws(() => parseCsv('a,"b" ,c'), csvErrorAt(1, 6));
  });

  it("rejects a quote inside an unquoted field", () => {
    assert.throws(() => parseCsv('a,b"c'), csvErrorAt(1, 4));
    assert.throws(() => parseCsv('ok\nx, "y"'), csvErrorAt(2, 4));
  });

  it("counts line breaks inside quoted fields", () => {
    assert.throws(() => parseCsv('x\n"multi\nline"x'), csvErrorAt(3, 6));
    assert.throws(() => parseCsv('"a\r\nb"\r\nc,"d'), csvErrorAt(3, 3));
  });

  it("reports a never-closed quote on a later line", () => {
    assert.throws(() => parseCsv('a\nb\n c,"open\nmore\n'), csvErrorAt(3, 4));
  });

  it("rejects bad delimiters", () => {
    for (const delimiter of ["", ",,", '"', "\n", "\r"]) {
      assert.throws(() => parseCsv("a", { delimiter }), RangeError);
    }
  });
});

describe("parseCsv: other delimiters", () => {
  it("uses tabs and leaves commas alone", () => {
    assert.deepEqual(parseCsv("a\tb,c\n\"x\ty\"\tz", { delimiter: "\t" }), [
      ["a", "b,c"],
      ["x\ty", "z"],
    ]);
  });
});

describe("parseCsvRecords", () => {
  it("returns [] for empty text or a header alone", () => {
    assert.deepEqual(parseCsvRecords(""), []);
    assert.deepEqual(parseCsvRecords("a,b\n"), []);
  });

  it("makes every header name an own property", () => {
    const [record] = parseCsvRecords("__proto__,constructor,toString\n1,2,3\n");
    assert.ok(record);
    assert.deepEqual(Object.keys(record), ["__proto__", "constructor", "toString"]);
    assert.equal(Object.getOwnPropertyDescriptor(record, "__proto__")?.value, "1");
    assert.equal(record.constructor, "2");
  });

  it("rejects empty and repeated header names where they start", () => {
    assert.throws(() => parseCsvRecords("id,,name\n1,2,3"), csvErrorAt(1, 4));
    assert.throws(() => parseCsvRecords('id,name,"id"\n1,2,3'), csvErrorAt(1, 9));
  });

  it("rejects records with the wrong number of fields at their first line", () => {
    assert.throws(() => parseCsvRecords("a,b\n1,2\n\n3\n"), csvErrorAt(4, 1));
    assert.throws(() => parseCsvRecords('a,b\n"1\n2",3,4\n'), csvErrorAt(2, 1));
  });
});

describe("parseCsv: size", () => {
  it("parses 5 MB", () => {
    const rows: string[] = [];
    for (let i = 0; i < 100_000; i++) rows.push(`${i},"name ${i}, Jr.",plain text ${i},"said ""hi""",${i * 2}`);
    const text = rows.join("\r\n");
    assert.ok(text.length > 5_000_000);
    const parsed = parseCsv(text);
    assert.equal(parsed.length, 100_000);
    assert.deepEqual(parsed[99_999], ["99999", "name 99999, Jr.", "plain text 99999", 'said "hi"', "199998"]);
  });

  it("parses in a single linear pass (timed against a linear parser in the same run)", () => {
    const rows: string[] = [];
    for (let i = 0; i < 5_000; i++) rows.push(`${i},"name ${i}, Jr.",plain text ${i},"said ""hi""",${i * 2}`);
    const text = rows.join("\r\n");
    assert.deepEqual(parseCsv(text), baselineParse(text));
    assertWithinRatioOfBaseline(
      () => () => parseCsv(text),
      () => () => baselineParse(text),
    );
  });

  it("parses one huge quoted field", () => {
    const big = "x".repeat(2_000_000) + '""' + "y".repeat(1_000_000);
    const parsed = parseCsv(`"${big}"`);
    assert.equal(parsed[0]![0]!.length, 3_000_001);
  });
});

describe("parseCsvRecords: positions after leading blank lines", () => {
  it("reports header problems at the header's own line and column", () => {
    assert.throws(() => parseCsvRecords("\n\nname,,age\nx,y,z"), csvErrorAt(3, 6));
    assert.throws(() => parseCsvRecords("\r\nid,name,id\n1,2,3"), csvErrorAt(2, 9));
    assert.throws(() => parseCsvRecords('\n"a\nb",c,\n1,2,3'), csvErrorAt(3, 6));
  });

  it("reports a record with the wrong number of fields at its line", () => {
    assert.throws(() => parseCsvRecords("\n\na,b\n\n1,2\n\n1"), csvErrorAt(7, 1));
  });
});

/** The stated single linear pass, without positions or errors (the inputs here are valid). */
function baselineParse(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      const parts: string[] = [];
      let start = ++i;
      for (;;) {
        const close = text.indexOf('"', i);
        parts.push(text.slice(start, close));
        if (text[close + 1] === '"') {
          parts.push('"');
          i = start = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      field = parts.join("");
    } else {
      const start = i;
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") i++;
      field = text.slice(start, i);
    }
    fields.push(field);
    if (text[i] === ",") i++;
    else {
      records.push(fields);
      fields = [];
      i += text[i] === "\r" ? 2 : 1;
    }
  }
  return records;
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
