import { createHash } from "node:crypto";
import type { QuestionLanguage } from "../schemas.ts";

// Mechanical mutants of a reference solution: one small, plausible slip per mutant (a flipped
// comparison, an off-by-one literal, a swapped boolean operator). A test suite that lets a
// mutant pass does not pin the behaviour that mutant changed. Strings and comments are never
// touched, and binary operators are only mutated when written with a space on each side (as
// the formatters write them), which keeps generics (`Map<K, V>`), arrows (`=>`, `->`),
// unary minus and `*args` out of reach — those mutants would only fail to compile.

export interface Mutant {
  /** Stable id: `path:line:column original→replacement`; equivalent-mutant lists refer to it. */
  id: string;
  path: string;
  line: number;
  original: string;
  replacement: string;
  /** The whole mutated file. */
  content: string;
}

interface Rule {
  pattern: RegExp;
  replacements: (match: string) => string[];
}

const spaced = (ops: Record<string, string[]>): Rule => ({
  pattern: new RegExp(` (${Object.keys(ops).sort((a, b) => b.length - a.length).map((op) => op.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}) `, "y"),
  replacements: (match) => ops[match.trim()]!.map((op) => ` ${op} `),
});

const COMPARISONS = { "<": ["<="], "<=": ["<"], ">": [">="], ">=": [">"] };
const ARITHMETIC = { "+": ["-"], "-": ["+"], "+=": ["-="], "-=": ["+="], "*": ["+"] };

const RULES: Record<"python" | "node" | "ruby" | "cpp" | "rust", Rule[]> = {
  python: [
    spaced({ ...COMPARISONS, "==": ["!="], "!=": ["=="], ...ARITHMETIC, "//": ["/"], "%": ["//"] }),
    { pattern: /\b(and|or)\b/y, replacements: (m) => [m === "and" ? "or" : "and"] },
    { pattern: /\b(True|False)\b/y, replacements: (m) => [m === "True" ? "False" : "True"] },
    { pattern: /\bnot /y, replacements: () => [""] },
    { pattern: /\b(min|max)\(/y, replacements: (m) => [m === "min(" ? "max(" : "min("] },
    { pattern: /\b(break)\b/y, replacements: () => ["continue"] },
    { pattern: /\.(lower|upper|strip)\(\)/y, replacements: () => [""] },
    { pattern: /\bsorted\(/y, replacements: () => ["list("] },
    { pattern: /(?<![\w.])\d+(?![\w.])/y, replacements: integerReplacements },
  ],
  node: [
    spaced({ ...COMPARISONS, "===": ["!=="], "!==": ["==="], ...ARITHMETIC, "&&": ["||"], "||": ["&&"], "??": ["||"], "%": ["/"] }),
    { pattern: /\b(true|false)\b/y, replacements: (m) => [m === "true" ? "false" : "true"] },
    { pattern: /!(?=[\w(])/y, replacements: () => [""] },
    { pattern: /\bMath\.(min|max)\(/y, replacements: (m) => [m === "Math.min(" ? "Math.max(" : "Math.min("] },
    { pattern: /\+\+|--/y, replacements: (m) => [m === "++" ? "--" : "++"] },
    { pattern: /\b(break)\b/y, replacements: () => ["continue"] },
    { pattern: /\.(toLowerCase|toUpperCase|trim)\(\)/y, replacements: () => [""] },
    { pattern: /\.(push|unshift)\(/y, replacements: (m) => [m === ".push(" ? ".unshift(" : ".push("] },
    { pattern: /(?<![\w.$])\d+(?![\w.$])/y, replacements: integerReplacements },
  ],
  // Ruby's own slips on top of the C-style ones: the word operators, `unless` for `if`, `nil`,
  // an inclusive range for an exclusive one and the other end of a collection.
  ruby: [
    spaced({ ...COMPARISONS, "==": ["!="], "!=": ["=="], ...ARITHMETIC, "&&": ["||"], "||": ["&&"], "%": ["/"] }),
    { pattern: /\b(and|or)\b/y, replacements: (m) => [m === "and" ? "or" : "and"] },
    { pattern: /\b(unless|if)\b/y, replacements: (m) => [m === "if" ? "unless" : "if"] },
    { pattern: /\b(true|false)\b/y, replacements: (m) => [m === "true" ? "false" : "true"] },
    // A bare `nil` (not `.nil?`) becomes `false`: the two only differ where the value is looked at.
    { pattern: /(?<!\.)\bnil\b(?!\?)/y, replacements: () => ["false"] },
    { pattern: /(?<![\w?!])!(?=[\w(@])/y, replacements: () => [""] },
    { pattern: /\.(min|max|first|last)\b(?![?!])/y, replacements: (m) => [`.${{ ".min": "max", ".max": "min", ".first": "last", ".last": "first" }[m]}`] },
    { pattern: /\b(break)\b/y, replacements: () => ["next"] },
    { pattern: /\.(downcase|upcase|strip)\b(?![?!])/y, replacements: () => [""] },
    { pattern: /\.(push|unshift)\b/y, replacements: (m) => [m === ".push" ? ".unshift" : ".push"] },
    { pattern: /(?<!\.)\.\.\.?(?!\.)/y, replacements: (m) => [m === ".." ? "..." : ".."] },
    // Integers, also as range ends (`0..n`, `1...3`), but not a float's parts or part of a name.
    { pattern: /(?<![\w$@])(?<!(?<!\.)\.)\d+(?!\w|\.\d)/y, replacements: integerReplacements },
  ],
  // C++ has the node set's operators but == and != rather than === and !==, and std:: names.
  cpp: [
    spaced({ ...COMPARISONS, "==": ["!="], "!=": ["=="], ...ARITHMETIC, "&&": ["||"], "||": ["&&"], "%": ["/"] }),
    { pattern: /\b(true|false)\b/y, replacements: (m) => [m === "true" ? "false" : "true"] },
    { pattern: /!(?=[\w(])/y, replacements: () => [""] },
    { pattern: /\bstd::(min|max)\(/y, replacements: (m) => [m === "std::min(" ? "std::max(" : "std::min("] },
    { pattern: /\+\+|--/y, replacements: (m) => [m === "++" ? "--" : "++"] },
    { pattern: /\b(break)\b/y, replacements: () => ["continue"] },
    { pattern: /\.(push_back|pop_back)\(/y, replacements: (m) => [m === ".push_back(" ? ".pop_back(" : ".push_back("] },
    { pattern: /(?<![\w.$'])\d+(?![\w.$'])/y, replacements: integerReplacements },
  ],
  // Rust: the node rules with Rust's spelling — `==`/`!=`, `.min(`/`.max(` methods, no `++`,
  // `!` only as negation (never a macro's `format!(`, which would only fail to compile).
  rust: [
    spaced({ ...COMPARISONS, "==": ["!="], "!=": ["=="], ...ARITHMETIC, "&&": ["||"], "||": ["&&"], "%": ["/"] }),
    { pattern: /\b(true|false)\b/y, replacements: (m) => [m === "true" ? "false" : "true"] },
    { pattern: /(?<![\w)\]])!(?=[\w(])/y, replacements: () => [""] },
    { pattern: /\.(min|max)\(/y, replacements: (m) => [m === ".min(" ? ".max(" : ".min("] },
    { pattern: /\b(break)\b/y, replacements: () => ["continue"] },
    { pattern: /\.(to_lowercase|to_uppercase|trim)\(\)/y, replacements: () => [""] },
    { pattern: /(?<![\w.$'])\d+(?![\w.$])/y, replacements: integerReplacements },
  ],
};

function integerReplacements(literal: string): string[] {
  const value = Number(literal);
  if (!Number.isSafeInteger(value)) return [];
  return value === 0 ? ["1"] : [String(value + 1), String(value - 1)];
}

/** Every mutant of one source file, in source order. */
export function mutantsOf(language: QuestionLanguage, path: string, source: string): Mutant[] {
  const rules = RULES[language === "python" ? "python" : language === "ruby" ? "ruby" : language === "cpp" ? "cpp" : language === "rust" ? "rust" : "node"];
  const skip = skippedRanges(language, source);
  const mutants: Mutant[] = [];
  let line = 1;
  let lineStart = 0;
  for (let at = 0, s = 0; at < source.length; at++) {
    if (source[at - 1] === "\n") [line, lineStart] = [line + 1, at];
    while (s < skip.length && skip[s]![1] <= at) s++;
    if (s < skip.length && skip[s]![0] <= at) continue;
    for (const rule of rules) {
      rule.pattern.lastIndex = at;
      const match = rule.pattern.exec(source);
      if (!match || match.index !== at) continue;
      // Word rules must start at a word boundary the sticky regex cannot see behind.
      if (/^\w/.test(match[0]) && /[\w$]/.test(source[at - 1] ?? "")) continue;
      for (const replacement of rule.replacements(match[0])) {
        const column = at - lineStart + 1 + (match[0].startsWith(" ") ? 1 : 0);
        mutants.push({
          id: `${path}:${line}:${column} ${match[0].trim()}→${replacement.trim() || "∅"}`,
          path,
          line,
          original: match[0],
          replacement,
          content: source.slice(0, at) + replacement + source.slice(at + match[0].length),
        });
      }
    }
  }
  return mutants;
}

/** [start, end) ranges of strings and comments, in order. */
function skippedRanges(language: QuestionLanguage, source: string): [number, number][] {
  const ranges: [number, number][] = [];
  const python = language === "python";
  // Ruby: `#` comments, and strings, backticks and regex literals as in JavaScript.
  const hashComments = python || language === "ruby";
  const rust = language === "rust";
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at, at + 3);
    let end = -1;
    if (hashComments && rest[0] === "#") end = lineEnd(source, at);
    else if (!hashComments && rest.startsWith("//")) end = lineEnd(source, at);
    else if (!hashComments && rest.startsWith("/*")) end = indexAfter(source, "*/", at + 2);
    else if (python && (rest === '"""' || rest === "'''")) end = indexAfter(source, rest, at + 3);
    // Rust's ' opens a char literal ('a', '\n') but also names a lifetime ('a), which has no end.
    else if (rust && rest[0] === "'") end = /^'(?:\\.[^']*|[^'\\])'/.exec(source.slice(at, at + 12))?.[0].length ?? -1;
    else if (rust && rest[0] === '"') end = quotedEnd(source, at, true);
    else if (rest[0] === '"' || rest[0] === "'" || (!python && rest[0] === "`")) end = quotedEnd(source, at);
    else if (!python && !rust && rest[0] === "/" && /[=(,:[!&|?{};]\s*$/.test(source.slice(Math.max(0, at - 20), at))) end = quotedEnd(source, at);
    if (rust && rest[0] === "'" && end > 0) end += at;
    if (end > at) {
      ranges.push([python && /[rbfu]/i.test(source[at - 1] ?? "") ? at - 1 : at, end]);
      at = end;
    } else at++;
  }
  return ranges;
}

const lineEnd = (source: string, from: number) => (source.indexOf("\n", from) + 1 || source.length + 1) - 1;
const indexAfter = (source: string, token: string, from: number) => (source.indexOf(token, from) + 1 || source.length + 1 - token.length) - 1 + token.length;

/** Where a quoted string ends; `multiline`: a newline does not end it (Rust's strings). */
function quotedEnd(source: string, start: number, multiline = false): number {
  const quote = source[start]!;
  for (let at = start + 1; at < source.length; at++) {
    if (source[at] === "\\") at++;
    else if (source[at] === quote) return at + 1;
    else if (source[at] === "\n" && quote !== "`" && !multiline) return at;
  }
  return source.length;
}

/**
 * A deterministic sample: mutants ordered by a hash of `seed` and their id, the first `count`
 * taken. The same bank and seed always give the same sample, so a CI failure reproduces.
 */
export function sampleMutants(mutants: readonly Mutant[], count: number, seed: string): Mutant[] {
  const key = (m: Mutant) => createHash("sha256").update(`${seed}\0${m.id}`).digest("hex");
  return [...mutants].sort((a, b) => (key(a) < key(b) ? -1 : 1)).slice(0, Math.max(0, count));
}
