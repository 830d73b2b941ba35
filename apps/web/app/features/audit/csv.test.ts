import { describe, expect, it } from "vitest";
import { auditCsvLine, csvCell, csvLine } from "./csv";

describe("csvCell", () => {
  it("leaves plain text alone", () => {
    expect(csvCell("Signed in")).toBe("Signed in");
    expect(csvCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("Acme, Inc.")).toBe('"Acme, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("audit CSV lines", () => {
  it("ends lines with CRLF and describes rows without an actor", () => {
    expect(csvLine(["a", "b"])).toBe("a,b\r\n");
    const line = auditCsvLine({ createdAt: new Date("2026-01-02T03:04:05Z"), action: "interview.started", label: "Interview started", actor: null, actorOutside: false, target: "interview session s1", ipAddress: null });
    expect(line).toBe("2026-01-02T03:04:05.000Z,System or candidate,,Interview started,interview.started,interview session s1,\r\n");
  });
});
