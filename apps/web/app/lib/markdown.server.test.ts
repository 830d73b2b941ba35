import { loadQuestionBank } from "@interviewlm/core/questions";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders headings, lists, tables and code with its language class", () => {
    const html = renderMarkdown("# Title\n\nSome *text* and `code`.\n\n- one\n- two\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n```ts\nconst x = 1 < 2;\n```\n");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<em>text</em>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>one</li>");
    expect(html).toMatch(/<th>a<\/th>/);
    expect(html).toMatch(/<td align="center">2<\/td>/);
    expect(html).toContain('<pre tabindex="0"><code class="language-ts">const x = 1 &lt; 2;\n</code></pre>');
  });

  it("removes scripts, event handlers, styles, iframes and images", () => {
    const html = renderMarkdown(
      [
        "<script>alert(1)</script>",
        '<img src="https://tracker.example/pixel.gif" onerror="alert(2)">',
        '<p style="position:fixed" onclick="alert(3)">hi</p>',
        '<iframe src="https://evil.example"></iframe>',
        "<svg><script>alert(4)</script></svg>",
        '<a href="https://ok.example" onmouseover="alert(5)">ok</a>',
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/script|onerror|onclick|onmouseover|style=|iframe|<img|<svg|alert\(/i);
    expect(html).toContain("<p>hi</p>");
  });

  it("keeps only http(s) and mailto links and opens them in a new tab", () => {
    const html = renderMarkdown("[ok](https://example.com) [js](javascript:alert(1)) [data](data:text/html,x) [mail](mailto:a@b.c) [rel](//evil.example)");
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer nofollow">ok</a>');
    expect(html).toContain('href="mailto:a@b.c"');
    expect(html).not.toMatch(/javascript:|data:text|\/\/evil/);
  });

  it("shifts headings under the page's own and can drop the title", () => {
    const html = renderMarkdown("# Title\n\n## Part\n\n###### Deep\n", { headingOffset: 1, dropTitle: true });
    expect(html).not.toContain("Title");
    expect(html).toContain("<h3>Part</h3>");
    expect(html).toContain("<h6>Deep</h6>");
    expect(renderMarkdown("# Title", { headingOffset: 1 })).toBe("<h2>Title</h2>\n");
  });

  it("escapes HTML inside code", () => {
    expect(renderMarkdown("`<b>bold</b>`")).toBe("<p><code>&lt;b&gt;bold&lt;/b&gt;</code></p>\n");
  });
});

describe("curated statements", () => {
  it.each(loadQuestionBank().map((q) => [q.slug, q.statement] as const))("%s renders its sections and code intact", (_slug, statement) => {
    const html = renderMarkdown(statement, { headingOffset: 1, dropTitle: true });
    expect(html).not.toMatch(/<h1|<h2/);
    expect(html.match(/<h3>/g)?.length).toBe(statement.match(/^## /gm)?.length);
    expect(html.match(/<pre tabindex="0">/g)?.length ?? 0).toBe((statement.match(/^```/gm)?.length ?? 0) / 2);
  });
});
