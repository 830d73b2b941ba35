import { describe, expect, it } from "vitest";
import { mutantsOf, sampleMutants } from "./mutants.ts";
import { mutationScore, wrongSolutionCaught, type VariantOutcome } from "./check-variants.ts";

const ids = (language: "python" | "typescript" | "ruby" | "cpp" | "rust", source: string) => mutantsOf(language, "m", source).map((m) => m.id.replace(/^m:/, ""));

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

  it("swaps Ruby's word operators, if/unless, nil, the ends of a collection and of a range", () => {
    expect(ids("ruby", "return nil unless a < b and c\n")).toEqual(["1:8 nil→false", "1:12 unless→if", "1:21 <→<=", "1:25 and→or"]);
    expect(ids("ruby", "x = xs.first if !ok || y.nil?\n")).toEqual(["1:7 .first→.last", "1:14 if→unless", "1:17 !→∅", "1:21 ||→&&"]);
    expect(ids("ruby", "(0...n).each { |i| break if i >= 2 }\n")).toEqual([
      "1:2 0→1",
      "1:3 ...→..",
      "1:20 break→next",
      "1:26 if→unless",
      "1:31 >=→>",
      "1:34 2→3",
      "1:34 2→1",
    ]);
    expect(ids("ruby", "t = s.strip.downcase + 1..9\n")).toEqual(["1:6 .strip→∅", "1:12 .downcase→∅", "1:22 +→-", "1:24 1→2", "1:24 1→0", "1:25 ..→...", "1:27 9→10", "1:27 9→8"]);
  });

  it("never touches Ruby comments, strings, regexes, floats, elsif or methods like sort! and nil?", () => {
    expect(ids("ruby", '# a < b and nil\ns = "x + 1 #{a < b}" + \'if\'\nr = /a+1/\n')).toEqual(["2:22 +→-"]);
    expect(ids("ruby", "elsif v.nil? then 1.5 end\nxs.sort!\nxs.max_by(&:size)\n")).toEqual([]);
  });

  it("flips == and != in C++ and leaves templates, shifts, includes, chars and pointers alone", () => {
    expect(ids("cpp", 'if (a == b && !done) return std::min(x, 1);\n')).toEqual(["1:7 ==→!=", "1:12 &&→||", "1:15 !→∅", "1:29 std::min(→std::max(", "1:41 1→2", "1:41 1→0"]);
    expect(ids("cpp", '#include <vector>\nstd::vector<std::vector<int>> v; // a < b\nstd::cout << "a < 1" << \'1\';\nconst char* p = nullptr;\n')).toEqual([]);
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
