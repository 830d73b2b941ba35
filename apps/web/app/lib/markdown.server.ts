// Markdown → HTML that is safe to inject. Statements of AI-generated questions are untrusted
// input, so the HTML marked produces goes through an allow-list: no scripts, no event
// handlers, no styles, no images (tracking pixels) and only http(s)/mailto links, which open
// in a new tab so a candidate never navigates away from a running interview.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

export interface RenderMarkdownOptions {
  /** Shift heading levels down (1: "#" becomes <h2>) to fit under the page's own headings. */
  headingOffset?: number;
  /** Drop a leading "# Title" line, for pages that already show the title. */
  dropTitle?: boolean;
}

// One instance with its own options, so nobody else's marked configuration leaks in.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

const BASE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS,
    "p", "br", "hr", "blockquote", "ul", "ol", "li", "strong", "em", "del", "code", "pre", "a",
    "table", "thead", "tbody", "tr", "th", "td", "kbd", "sub", "sup",
  ],
  allowedAttributes: { a: ["href", "title"], ol: ["start"], th: ["align"], td: ["align"], code: ["class"] },
  allowedClasses: { code: [/^language-[a-z0-9+#-]+$/] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  const source = options.dropTitle ? markdown.replace(/^\s*# [^\n]*\n?/, "") : markdown;
  const html = marked.parse(source) as string;
  const offset = Math.max(0, Math.min(5, options.headingOffset ?? 0));
  return sanitizeHtml(html, {
    ...BASE_OPTIONS,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" } }),
      // Code blocks scroll sideways; keyboard users must be able to reach them (WCAG 2.1.1).
      pre: (tagName, attribs) => ({ tagName, attribs: { ...attribs, tabindex: "0" } }),
      ...Object.fromEntries(HEADINGS.map((tag, i) => [tag, HEADINGS[Math.min(5, i + offset)]!])),
    },
    // transformTags runs before the attribute filter, so the added attributes must be allowed too.
    allowedAttributes: { ...BASE_OPTIONS.allowedAttributes, a: ["href", "title", "target", "rel"], pre: ["tabindex"] },
  });
}
