import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.tsx";

describe("recruiter Markdown shown to candidates", () => {
  it("renders ordinary Markdown", () => {
    const html = renderMarkdown("Use **pytest**.\n\n- one\n- two\n\n`code`");
    expect(html).toContain("<strong>pytest</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<code>code</code>");
  });

  it("shows raw HTML as text instead of running it", () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps only http(s) and mailto links, opened safely, and turns images into links", () => {
    expect(renderMarkdown("[docs](https://example.com/a)")).toContain('<a href="https://example.com/a" target="_blank" rel="noopener noreferrer nofollow">docs</a>');
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toContain("href");
    expect(renderMarkdown("[x](/relative)")).not.toContain("href");
    const image = renderMarkdown("![diagram](https://example.com/d.png)");
    expect(image).not.toContain("<img");
    expect(image).toContain(">diagram</a>");
  });

  it("moves headings below the page's own headings", () => {
    expect(renderMarkdown("# Setup")).toContain("<h3>Setup</h3>");
  });
});
