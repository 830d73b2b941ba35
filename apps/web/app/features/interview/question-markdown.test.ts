import { describe, expect, it } from "vitest";
import { renderStatement } from "./question-markdown";

describe("renderStatement", () => {
  it("drops the title line and moves headings under the panel's h2", () => {
    const html = renderStatement("# Build order\n\nIntro\n\n## The order\n\nText");
    expect(html).not.toContain("Build order");
    expect(html).toContain("<h3>The order</h3>");
    expect(html).toContain("<p>Intro</p>");
  });

  it("renders code blocks with their language and escapes their content", () => {
    const html = renderStatement("```python\nif a < b: print('<b>')\n```");
    expect(html).toContain('<code class="language-python">');
    expect(html).toContain("if a &lt; b: print(&#39;&lt;b&gt;&#39;)");
  });

  it("shows raw HTML as text instead of running it", () => {
    const html = renderStatement('Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n<div onclick="x()">block</div>');
    expect(html).not.toMatch(/<img|<script|<div/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps only http(s) and mailto links, opening in a new tab", () => {
    expect(renderStatement("[docs](https://example.com/a)")).toContain('<a href="https://example.com/a" target="_blank" rel="noopener noreferrer nofollow">docs</a>');
    expect(renderStatement("[x](javascript:alert(1))")).not.toContain("<a");
    expect(renderStatement("[x](/relative)")).not.toContain("<a");
    expect(renderStatement('[x](https://e.com/"onmouseover="y)')).not.toMatch(/"onmouseover/);
  });

  it("turns images into links, so no tracking pixel loads", () => {
    const html = renderStatement("![diagram](https://example.com/d.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain(">diagram</a>");
  });
});
