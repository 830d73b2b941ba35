// Question statements rendered in the browser, because the room sends a new statement (as
// Markdown) when the candidate moves on, to candidates and reviewers alike. What is allowed:
// lib/safe-markdown.ts.
import { safeMarkdown } from "~/lib/safe-markdown";

/** The panel's title is the h2, so the statement's "## Section" becomes an h3. */
const render = safeMarkdown({ headingOffset: 1 });

/** Statement Markdown → HTML for the question panel. The leading "# Title" is dropped: the panel shows the title. */
export function renderStatement(markdown: string): string {
  return render(markdown.replace(/^\s*# [^\n]*\n?/, ""));
}
