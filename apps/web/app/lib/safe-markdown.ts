// Markdown from people (a recruiter's instructions, a question's statement) rendered to HTML
// in the browser as well as on the server. Safe by construction rather than by sanitising
// afterwards: raw HTML in the Markdown is shown as text, links must be http(s) or mailto and
// open in a new tab, images become links (no tracking pixels); marked escapes all other text
// itself. (markdown.server.ts pulls in sanitize-html, which does not belong in the browser.)
import { Marked } from "marked";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function safeHref(href: string): string | null {
  try {
    const url = new URL(href, "https://relative.invalid");
    if (url.origin === "https://relative.invalid") return null; // relative links point nowhere useful
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const link = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer nofollow">${label}</a>`;

/**
 * A renderer whose "# Heading" becomes h(1 + headingOffset), so the Markdown's headings sit
 * under the headings of the page that shows it.
 */
export function safeMarkdown({
  headingOffset,
  highlight,
}: {
  headingOffset: number;
  /** Returns the code block's HTML (escaped by the highlighter itself), or null to show it plain. */
  highlight?: (code: string, language: string) => string | null;
}): (source: string) => string {
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
        const highlighted = language && highlight && !token.escaped ? highlight(token.text, language.toLowerCase()) : null;
        const text = highlighted ?? (token.escaped ? token.text : escapeHtml(token.text));
        return `<pre tabindex="0"><code${language ? ` class="language-${escapeHtml(language)}"` : ""}>${text}\n</code></pre>\n`;
      },
      heading(token) {
        const level = Math.min(token.depth + headingOffset, 6);
        return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
      },
    },
  });
  return (source) => marked.parse(source) as string;
}
