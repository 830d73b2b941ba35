// Question statements rendered in the browser, because the room sends a new statement (as
// Markdown) when the candidate moves on, to candidates and reviewers alike. Safe by
// construction rather than by sanitising afterwards: raw HTML in the Markdown is shown as
// text, links must be http(s) or mailto and open in a new tab, images become links. marked
// escapes all other text itself. (The server-side renderer, markdown.server.ts, pulls in
// sanitize-html, which does not belong in the browser bundle.)
import { Marked } from "marked";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function safeHref(href: string): string | null {
  try {
    const url = new URL(href, "https://relative.invalid");
    if (url.origin === "https://relative.invalid") return null; // nothing to link to inside the interview
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const link = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer nofollow">${label}</a>`;

/** The panel's title is the h2, so the statement's "## Section" becomes an h3. */
const HEADING_OFFSET = 1;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html(token) {
      return escapeHtml(token.text);
    },
    link(token) {
      const label = this.parser.parseInline(token.tokens);
      const href = safeHref(token.href);
      return href ? link(href, label) : label;
    },
    image(token) {
      const href = safeHref(token.href);
      const label = escapeHtml(token.text || "image");
      return href ? link(href, label) : label;
    },
    // Code blocks scroll sideways; keyboard users must be able to reach them (WCAG 2.1.1).
    code(token) {
      const language = /^[a-z0-9+#-]+/i.exec(token.lang ?? "")?.[0];
      const text = token.escaped ? token.text : escapeHtml(token.text);
      return `<pre tabindex="0"><code${language ? ` class="language-${escapeHtml(language)}"` : ""}>${text}\n</code></pre>\n`;
    },
    heading(token) {
      const level = Math.min(token.depth + HEADING_OFFSET, 6);
      return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
    },
  },
});

/** Statement Markdown → HTML for the question panel. The leading "# Title" is dropped: the panel shows the title. */
export function renderStatement(markdown: string): string {
  return marked.parse(markdown.replace(/^\s*# [^\n]*\n?/, "")) as string;
}
