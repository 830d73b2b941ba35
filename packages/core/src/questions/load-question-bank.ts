import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { QuestionDefinitionSchema, QuestionMetaSchema, type QuestionDefinition, type QuestionFile } from "./schemas.ts";
import { isTestFilePath } from "./test-files.ts";

// The curated bank lives in the repository as plain folders so questions are reviewed like
// code; this module turns them into validated definitions. Layout of one folder:
//   question.json   title, language, difficulty, topics, estimatedMinutes
//   statement.md    what the candidate reads
//   starter/        the workspace the candidate starts from
//   tests/visible/  tests the candidate may see and run
//   tests/hidden/   tests only the evaluation runs
//   solution/       reference files, laid over starter/ (same path = replaces)

/** packages/core/src/questions → <repo>/prisma/seed/questions */
export const DEFAULT_QUESTION_BANK_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../prisma/seed/questions");

/** Local test runs leave caches behind; they are never part of a question. */
const IGNORED_NAMES = new Set(["__pycache__", "node_modules", ".pytest_cache"]);

export class QuestionBankError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuestionBankError";
  }
}

export function loadQuestionBank(dir: string = DEFAULT_QUESTION_BANK_DIR): QuestionDefinition[] {
  if (!existsSync(dir)) throw new QuestionBankError(`Question bank directory ${dir} does not exist.`);
  const slugs = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
  return slugs.map((slug) => loadQuestion(join(dir, slug), slug));
}

export function loadQuestion(folder: string, slug: string): QuestionDefinition {
  const fail: (message: string) => never = (message) => {
    throw new QuestionBankError(`Question "${slug}" (${folder}): ${message}`);
  };
  const meta = QuestionMetaSchema.safeParse(readJson(join(folder, "question.json"), fail));
  if (!meta.success) fail(`question.json is invalid:\n${z.prettifyError(meta.error)}`);
  const content = {
    slug,
    ...meta.data,
    statement: readText(join(folder, "statement.md"), fail),
    starterFiles: readTree(join(folder, "starter"), fail),
    visibleTests: readTree(join(folder, "tests", "visible"), fail),
    hiddenTests: readTree(join(folder, "tests", "hidden"), fail),
    referenceSolution: readTree(join(folder, "solution"), fail),
  };
  const parsed = QuestionDefinitionSchema.safeParse({ ...content, contentHash: questionContentHash(content) });
  if (!parsed.success) fail(z.prettifyError(parsed.error));
  const problems = layoutProblems(parsed.data);
  if (problems.length > 0) fail(problems.join("; "));
  return parsed.data;
}

/** What must hold between the file sets so the workspace, the tests and the evaluation line up. */
function layoutProblems(question: QuestionDefinition): string[] {
  const problems: string[] = [];
  const { language } = question;
  for (const file of [...question.visibleTests, ...question.hiddenTests]) {
    if (!isTestFilePath(language, file.path)) problems.push(`${file.path} is not a ${language} test file name, so the runner would skip it`);
  }
  for (const file of [...question.starterFiles, ...question.referenceSolution]) {
    if (isTestFilePath(language, file.path)) problems.push(`${file.path} is a test file; put tests under tests/visible or tests/hidden`);
  }
  const workspacePaths = new Set([...question.starterFiles, ...question.referenceSolution, ...question.visibleTests].map((f) => f.path));
  for (const file of question.hiddenTests) {
    // A hidden file with a workspace path would silently replace the candidate's file in a run.
    if (workspacePaths.has(file.path)) problems.push(`hidden test ${file.path} has the same path as a workspace file`);
  }
  return problems;
}

export function questionContentHash(content: Omit<QuestionDefinition, "contentHash">): string {
  const sortFiles = (files: readonly QuestionFile[]) => [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => [f.path, f.content]);
  // Fixed key order, so the hash depends on the content only.
  const canonical = [
    content.slug,
    content.title,
    content.language,
    content.difficulty,
    content.topics,
    content.estimatedMinutes,
    content.statement,
    sortFiles(content.starterFiles),
    sortFiles(content.visibleTests),
    sortFiles(content.hiddenTests),
    sortFiles(content.referenceSolution),
  ];
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

function readText(path: string, fail: (message: string) => never): string {
  if (!existsSync(path)) fail(`${path} is missing`);
  return readFileSync(path, "utf8");
}

function readJson(path: string, fail: (message: string) => never): unknown {
  const text = readText(path, fail);
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Every file under `root`, as workspace-relative paths with forward slashes, sorted. */
function readTree(root: string, fail: (message: string) => never): QuestionFile[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) fail(`${root} is missing`);
  const files: QuestionFile[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || IGNORED_NAMES.has(entry.name)) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile()) files.push({ path, content: readFileSync(join(dir, entry.name), "utf8") });
    }
  };
  walk(root, "");
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
