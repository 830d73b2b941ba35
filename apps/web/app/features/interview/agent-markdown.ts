// The assistant's answers: the same safe Markdown as question statements (raw HTML shown as
// text, links filtered), with code blocks highlighted by the editor's own Lezer parsers. The
// highlighter emits `tok-*` class names only; every piece of code text is escaped here.
import { javascriptLanguage, typescriptLanguage } from "@codemirror/lang-javascript";
import { pythonLanguage } from "@codemirror/lang-python";
import { classHighlighter, highlightCode } from "@lezer/highlight";
import { safeMarkdown } from "~/lib/safe-markdown";

const PARSERS = {
  python: pythonLanguage.parser,
  py: pythonLanguage.parser,
  javascript: javascriptLanguage.parser,
  js: javascriptLanguage.parser,
  typescript: typescriptLanguage.parser,
  ts: typescriptLanguage.parser,
} as const;

const escapeHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Longer blocks are shown plain: highlighting is a nicety, the panel must stay responsive. */
const MAX_HIGHLIGHT_CHARS = 20_000;

export function highlightToHtml(code: string, language: string): string | null {
  const parser = PARSERS[language as keyof typeof PARSERS];
  if (!parser || code.length > MAX_HIGHLIGHT_CHARS) return null;
  let html = "";
  highlightCode(
    code,
    parser.parse(code),
    classHighlighter,
    (text, classes) => {
      html += classes ? `<span class="${escapeHtml(classes)}">${escapeHtml(text)}</span>` : escapeHtml(text);
    },
    () => {
      html += "\n";
    },
  );
  return html;
}

export const renderAgentMarkdown = safeMarkdown({ headingOffset: 3, highlight: highlightToHtml });
