// Syntax highlighting by file extension. Unknown extensions get plain text rather than a
// wrong guess (a .txt or .csv highlighted as code is harder to read than none).
import { cpp } from "@codemirror/lang-cpp";
import { go } from "@codemirror/lang-go";
import { java } from "@codemirror/lang-java";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import { rust } from "@codemirror/lang-rust";
import { foldService, StreamLanguage } from "@codemirror/language";
import { ruby } from "@codemirror/legacy-modes/mode/ruby";
import type { EditorState, Extension } from "@codemirror/state";

export type EditorLanguage = "python" | "javascript" | "jsx" | "typescript" | "tsx" | "go" | "java" | "ruby" | "cpp" | "rust" | "json" | "markdown" | "text";

const BY_EXTENSION: Record<string, EditorLanguage> = {
  py: "python",
  pyi: "python",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "jsx",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "tsx",
  go: "go",
  java: "java",
  rb: "ruby",
  cpp: "cpp",
  cc: "cpp",
  cxx: "cpp",
  hpp: "cpp",
  hh: "cpp",
  h: "cpp",
  rs: "rust",
  json: "json",
  md: "markdown",
  markdown: "markdown",
};

export const EDITOR_LANGUAGE_LABELS: Record<EditorLanguage, string> = {
  python: "Python",
  javascript: "JavaScript",
  jsx: "JavaScript (JSX)",
  typescript: "TypeScript",
  tsx: "TypeScript (TSX)",
  go: "Go",
  java: "Java",
  ruby: "Ruby",
  cpp: "C++",
  rust: "Rust",
  json: "JSON",
  markdown: "Markdown",
  text: "Plain text",
};

export function languageForPath(path: string): EditorLanguage {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name === "tsconfig.json" || name === "package.json") return "json";
  // go.mod / go.sum are plain text; Go highlighting would mark their directives as errors.
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "text";
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? "text";
}

/**
 * A stream mode has no syntax tree to fold on: a Ruby block folds by indentation instead, from
 * the end of its opening line to its last more-indented line, so `end` stays visible.
 */
function foldRubyBlock(state: EditorState, lineStart: number, lineEnd: number): { from: number; to: number } | null {
  const indentOf = (text: string) => text.length - text.trimStart().length;
  const first = state.doc.lineAt(lineStart);
  if (!first.text.trim()) return null;
  let last = first;
  for (let number = first.number + 1; number <= state.doc.lines; number++) {
    const line = state.doc.line(number);
    if (!line.text.trim()) continue;
    if (indentOf(line.text) <= indentOf(first.text)) break;
    last = line;
  }
  return last === first ? null : { from: lineEnd, to: last.to };
}

const rubyLanguage = [StreamLanguage.define(ruby), foldService.of(foldRubyBlock)];

export function languageExtension(language: EditorLanguage): Extension {
  switch (language) {
    case "python":
      return python();
    case "javascript":
      return javascript();
    case "jsx":
      return javascript({ jsx: true });
    case "typescript":
      return javascript({ typescript: true });
    case "tsx":
      return javascript({ typescript: true, jsx: true });
    case "go":
      return go();
    case "java":
      return java();
    case "ruby":
      // No first-party Lezer grammar for Ruby: the legacy stream mode highlights, indents after
      // def/class/do/if and dedents on `end` as it is typed (its indentOnInput); folding is ours.
      return rubyLanguage;
    case "cpp":
      return cpp();
    case "rust":
      return rust();
    case "json":
      return json();
    case "markdown":
      return markdown();
    case "text":
      return [];
  }
}
