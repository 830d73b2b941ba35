import { describe, expect, it } from "vitest";
import { mutantsOf, sampleMutants } from "./mutants.ts";
import { mutationScore, wrongSolutionCaught, type VariantOutcome } from "./check-variants.ts";

const ids = (language: "python" | "typescript" | "rust", source: string) => mutantsOf(language, "m", source).map((m) => m.id.replace(/^m:/, ""));

describe("mutants of a reference solution", () => {
  it("flips comparisons, arithmetic, boolean operators and literals in Python", () => {
    expect(ids("python", "if a < b and not c:\n    return n + 1\n")).toEqual([
      "1:6 <→<=",
      "1:10 and→or",
      "1:14 not→∅",
      "2:14 +→-",
      "2:16 1→2",
      "2:16 1→0",
    ]);
  });

  it("never touches strings, comments, arrows, generics or unary minus", () => {
    expect(ids("python", '# a < b\ns = "x + 1 < 2"\ndef f() -> int: return -x\n')).toEqual([]);
    expect(ids("typescript", 'const m = new Map<string, number>(); // a < b\nconst f = (x: number) => `${x + 1}` + "a < b";\n')).toEqual(["2:37 +→-"]);
    expect(ids("typescript", "const r = /a+1/g; const y = -x;\n")).toEqual([]);
  });

  it("flips Rust's operators and negation, never a macro's ! or a char literal, lifetime or string", () => {
    expect(ids("rust", "if a == b && !c.is_empty() {\n    return n.min(m) + 1;\n}\n")).toEqual([
      "1:6 ==→!=",
      "1:11 &&→||",
      "1:14 !→∅",
      "2:13 .min(→.max(",
      "2:21 +→-",
      "2:23 1→2",
      "2:23 1→0",
    ]);
    expect(ids("rust", "fn f<'a>(s: &'a str) -> char {\n    assert!(s < \"a < b\");\n    format!(\"{}\", '<')\n}\n")).toEqual(["2:15 <→<="]);
  });

  it("produces the mutated file and a stable id per change", () => {
    const [mutant] = mutantsOf("typescript", "src/a.ts", "export const ok = a === b;\n");
    expect(mutant).toMatchObject({ id: "src/a.ts:1:21 ===→!==", line: 1, content: "export const ok = a !== b;\n" });
  });

  it("samples deterministically: the same seed gives the same mutants", () => {
    const all = mutantsOf("python", "m", "x = a + b - c * d if p < q or r > s else 0\n");
    expect(all.length).toBeGreaterThan(5);
    expect(sampleMutants(all, 3, "seed").map((m) => m.id)).toEqual(sampleMutants([...all].reverse(), 3, "seed").map((m) => m.id));
    expect(sampleMutants(all, 3, "seed")).toHaveLength(3);
    expect(sampleMutants(all, 100, "seed")).toHaveLength(all.length);
  });
});

describe("scoring variant runs", () => {
  const outcome = (kind: "mutant" | "wrong", over: Partial<VariantOutcome>): VariantOutcome => ({
    variant: { kind, id: "x" },
    status: "failed",
    killed: true,
    stillborn: false,
    failedHidden: ["test_a"],
    failedVisible: [],
    ...over,
  });

  it("leaves mutants that do not load out of the score", () => {
    const score = mutationScore([
      outcome("mutant", {}),
      outcome("mutant", { status: "passed", killed: false, failedHidden: [] }),
      outcome("mutant", { status: "compile_error", stillborn: true }),
      outcome("wrong", {}),
    ]);
    expect(score).toMatchObject({ run: 3, stillborn: 1, killed: 1, score: 0.5 });
  });

  it("counts a wrong solution as caught only when a hidden test failed", () => {
    expect(wrongSolutionCaught(outcome("wrong", {}))).toBe(true);
    expect(wrongSolutionCaught(outcome("wrong", { failedHidden: [], failedVisible: ["test_v"] }))).toBe(false);
    expect(wrongSolutionCaught(outcome("wrong", { status: "timeout", failedHidden: ["test_a"] }))).toBe(true);
    expect(wrongSolutionCaught(outcome("wrong", { status: "passed", killed: false, failedHidden: [] }))).toBe(false);
  });
});
