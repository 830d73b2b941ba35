import { describe, expect, it } from "vitest";
import { eachName } from "./runtime.ts";

describe("names of .each rows, as Vitest and Jest print them", () => {
  it("fills printf placeholders from an array row, in order", () => {
    expect(eachName("add(%i, %d) = %s", [1.7, 2, "3"], 0)).toBe("add(1, 2) = 3");
    expect(eachName("%f and %j and %o", [1.5, { a: 1 }, [1]], 0)).toBe('1.5 and {"a":1} and [1]');
    expect(eachName("case %# is 100%%", [1], 4)).toBe("case 4 is 100%");
  });

  it("fills $key (and nested $a.b) from an object row and leaves unknown keys as written", () => {
    expect(eachName("$name is $age.years old, $missing", { name: "Ada", age: { years: 36 } }, 0)).toBe("Ada is 36 old, $missing");
    expect(eachName("row $#", { x: 1 }, 2)).toBe("row 2");
  });

  it("formats a single non-array row as the first value and keeps placeholders it has no value for", () => {
    expect(eachName("value %s then %s", "only", 0)).toBe("value only then %s");
    expect(eachName("%s", null, 0)).toBe("null");
  });
});
