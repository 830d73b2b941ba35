// Check 4, statically: test files must depend on nothing but the candidate's code. A test that
// reads the clock, draws unseeded random numbers or opens a connection can pass today and fail
// tomorrow (or pass for a wrong solution by luck). The three identical runs catch what this
// misses; this catches what three runs are too few to show.
import type { QuestionFile, QuestionLanguage } from "../schemas.ts";

interface Rule {
  pattern: RegExp;
  what: string;
}

const PYTHON: Rule[] = [
  { pattern: /^\s*(import|from)\s+(socket|urllib|http\.client|requests|httpx|aiohttp)\b/m, what: "network access" },
  { pattern: /\b(time\.time|time\.monotonic|time\.perf_counter|datetime\.(datetime\.)?(now|today|utcnow)|date\.today)\s*\(/, what: "the clock" },
  { pattern: /\brandom\.(random|randint|choice|choices|shuffle|sample|uniform|randrange)\s*\(/, what: "randomness" },
  { pattern: /\b(uuid\.uuid[14]|os\.urandom|secrets\.)\b/, what: "randomness" },
  { pattern: /\btime\.sleep\s*\(/, what: "sleeping (timing-dependent)" },
];

const NODE: Rule[] = [
  { pattern: /\b(fetch|XMLHttpRequest|WebSocket)\s*\(|from\s+["'](node:)?(http|https|net|dgram|tls)["']|require\(\s*["'](node:)?(http|https|net|dgram|tls)["']\s*\)/, what: "network access" },
  { pattern: /\b(Date\.now|performance\.now)\s*\(|new\s+Date\s*\(\s*\)/, what: "the clock" },
  { pattern: /\bMath\.random\s*\(|\bcrypto\.(randomUUID|randomBytes|getRandomValues)\s*\(/, what: "randomness" },
  { pattern: /\bsetTimeout\s*\(/, what: "timers (timing-dependent)" },
];

/** Python's seeded generators (`random.Random(42)`, `random.seed(7)`) make randomness reproducible. */
const PYTHON_SEEDED = /\brandom\.seed\s*\(\s*\d+|\brandom\.Random\s*\(\s*\d+/;

export interface DeterminismFinding {
  file: string;
  line: number;
  what: string;
  text: string;
}

export function scanTestsForNondeterminism(language: QuestionLanguage, files: readonly QuestionFile[]): DeterminismFinding[] {
  const rules = language === "python" ? PYTHON : NODE;
  const findings: DeterminismFinding[] = [];
  for (const file of files) {
    const seeded = language === "python" && PYTHON_SEEDED.test(file.content);
    file.content.split("\n").forEach((text, index) => {
      if (/^\s*(#|\/\/)/.test(text)) return;
      for (const rule of rules) {
        if (seeded && rule.what === "randomness" && /\brandom\./.test(text)) continue;
        if (rule.pattern.test(text)) findings.push({ file: file.path, line: index + 1, what: rule.what, text: text.trim().slice(0, 200) });
      }
    });
  }
  return findings;
}
