// The one way a process declares and validates its environment. Each package declares the
// variables it owns once, as an EnvPart; each deployable (web app, sandbox service, rooms)
// composes the parts it needs and parses them at start-up, so one message lists every problem.
// Only zod and plain objects: the rooms run this inside workerd, where `process.env` is empty
// and variables arrive as `room.env`.
import type { z } from "zod";

/** The variables of a process: `process.env` in Node, `room.env` in workerd. */
export type EnvSource = Readonly<Record<string, unknown>>;

export type EnvParseResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** A group of variables one package owns, with its rules; parse never throws. */
export interface EnvPart<T> {
  readonly keys: readonly string[];
  parse(source: EnvSource): EnvParseResult<T>;
}

export class EnvError extends Error {
  readonly problems: readonly string[];
  constructor(title: string, problems: readonly string[], hint?: string) {
    const lines = problems.map((problem) => `  - ${problem}`).join("\n");
    super(`${title} is not valid:\n${lines}${hint ? `\n${hint}` : ""}`);
    this.name = "EnvError";
    this.problems = problems;
  }
}

type Report = (key: string, message: string) => void;

export interface DefineEnvOptions<Parsed, T> {
  /** Rules across variables (e.g. "required in production"); report each breach. */
  check?: (env: Parsed, report: Report) => void;
  /** Turns the parsed variables into the shape the package's code takes. */
  map?: (env: Parsed) => T;
}

/**
 * Declares variables. An empty string counts as unset everywhere (a copied .env.example
 * leaves `KEY=`), so defaults and "optional" mean the same in every process.
 */
export function defineEnv<Shape extends z.ZodRawShape, T = z.output<z.ZodObject<Shape>>>(
  shape: Shape,
  options: DefineEnvOptions<z.output<z.ZodObject<Shape>>, T> = {},
): EnvPart<T> {
  const keys = Object.keys(shape);
  return {
    keys,
    parse(source) {
      // Each variable is parsed on its own so that cross-variable checks still run on the valid
      // ones: start-up reports "APP_URL is required" even when another variable is malformed.
      const problems: string[] = [];
      const values: Record<string, unknown> = {};
      for (const key of keys) {
        const raw = source[key] === "" ? undefined : source[key];
        const parsed = (shape[key] as z.ZodType).safeParse(raw);
        if (parsed.success) values[key] = parsed.data;
        else problems.push(...parsed.error.issues.map((issue) => `${[key, ...issue.path].join(".")}: ${issue.message}`));
      }
      const invalid = new Set(problems.map((problem) => problem.slice(0, problem.indexOf(":"))));
      const env = values as z.output<z.ZodObject<Shape>>;
      // A check about a variable already reported as malformed would only repeat it.
      options.check?.(env, (key, message) => {
        if (!invalid.has(key)) problems.push(`${key}: ${message}`);
      });
      if (problems.length > 0) return { ok: false, problems };
      return { ok: true, value: options.map ? options.map(env) : (env as T) };
    },
  };
}

/**
 * The same part with keys a deployable cannot run without: the package keeps one declaration
 * (with its default or optionality for other processes) and this process insists on a value.
 */
export function requireEnv<T, K extends keyof T & string>(
  part: EnvPart<T>,
  keys: readonly K[],
  reason: string,
): EnvPart<T & { [P in K]-?: NonNullable<T[P]> }> {
  return {
    keys: part.keys,
    parse(source) {
      const missing = keys.filter((key) => source[key] === undefined || source[key] === "").map((key) => `${key}: ${reason}`);
      const result = part.parse(source);
      // Every required key is present, so the parsed value has them (the narrowed type is true).
      if (missing.length === 0) return result as EnvParseResult<T & { [P in K]-?: NonNullable<T[P]> }>;
      const others = result.ok ? [] : result.problems.filter((problem) => !keys.some((key) => problem.startsWith(`${key}:`)));
      return { ok: false, problems: [...missing, ...others] };
    },
  };
}

/** Parses one part; throws an EnvError naming every problem. */
export function readEnv<T>(part: EnvPart<T>, source: EnvSource, title: string, hint?: string): T {
  const result = part.parse(source);
  if (!result.ok) throw new EnvError(title, result.problems, hint);
  return result.value;
}

type Values<Parts extends Record<string, EnvPart<unknown>>> = { [K in keyof Parts]: Parts[K] extends EnvPart<infer T> ? T : never };

/**
 * Parses every part of a deployable together and throws one EnvError listing the problems of
 * all of them, so a misconfigured start-up is fixed in one pass rather than one key at a time.
 */
export function composeEnv<Parts extends Record<string, EnvPart<unknown>>>(
  parts: Parts,
  source: EnvSource,
  title: string,
  hint?: string,
): Values<Parts> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts)) {
    const result = part.parse(source);
    if (result.ok) values[name] = result.value;
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new EnvError(title, problems, hint);
  return values as Values<Parts>;
}

/** The value a part parses to. */
export type EnvOf<P> = P extends EnvPart<infer T> ? T : never;
