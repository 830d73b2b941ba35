// Markdown written by a recruiter, shown to candidates. It is untrusted HTML-wise (any
// member can write it, any candidate reads it), so raw HTML is shown as text, links must be
// http(s) or mailto, and images become links — no scripts, no tracking pixels.
import { cx } from "@interviewlm/ui";
import { Marked } from "marked";

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function safeHref(href: string): string | null {
  try {
    const url = new URL(href, "https://invalid.example");
    if (url.origin === "https://invalid.example") return null; // relative links point nowhere useful
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const markdown = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html(token) {
      return escapeHtml(token.text);
    },
    link(token) {
      const label = this.parser.parseInline(token.tokens);
      const href = safeHref(token.href);
      if (!href) return label;
      return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${label}</a>`;
    },
    // The preview sits under the page's h1 and the assessment's h2: "# Setup" becomes an h3.
    heading(token) {
      const level = Math.min(token.depth + 2, 6);
      return `<h${level}>${this.parser.parseInline(token.tokens)}</h${level}>\n`;
    },
    image(token) {
      const href = safeHref(token.href);
      const label = escapeHtml(token.text || "image");
      return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${label}</a>` : label;
    },
  },
});

export function renderMarkdown(source: string): string {
  return markdown.parse(source) as string;
}

const proseClasses =
  "space-y-2 text-sm leading-relaxed text-fg " +
  "[&_a]:text-accent-fg [&_a]:underline [&_a]:underline-offset-2 " +
  "[&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:pl-5 " +
  "[&_code]:rounded [&_code]:bg-surface-raised [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-xs " +
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:border-line [&_pre]:bg-surface-raised [&_pre]:p-3 " +
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0 " +
  "[&_h3]:text-sm [&_h3]:font-semibold [&_h4]:text-sm [&_h4]:font-medium [&_h5]:text-sm [&_h6]:text-sm " +
  "[&_blockquote]:border-l-2 [&_blockquote]:border-line-strong [&_blockquote]:pl-3 [&_blockquote]:text-fg-muted " +
  "[&_strong]:font-semibold";

export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={cx(proseClasses, className)} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
