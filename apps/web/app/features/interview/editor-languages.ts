// Syntax highlighting by file extension. Unknown extensions get plain text rather than a
// wrong guess (a .txt or .csv highlighted as code is harder to read than none).
import { go } from "@codemirror/lang-go";
import { java } from "@codemirror/lang-java";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import { rust } from "@codemirror/lang-rust";
import type { Extension } from "@codemirror/state";

export type EditorLanguage = "python" | "javascript" | "jsx" | "typescript" | "tsx" | "go" | "java" | "rust" | "json" | "markdown" | "text";

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
