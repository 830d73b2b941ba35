// Markdown written by a recruiter, shown to candidates. It is untrusted HTML-wise (any
// member can write it, any candidate reads it): see lib/safe-markdown.ts for what is allowed.
import { cx } from "@interviewlm/ui";
import { safeMarkdown } from "~/lib/safe-markdown";

// The preview sits under the page's h1 and the assessment's h2: "# Setup" becomes an h3.
const render = safeMarkdown({ headingOffset: 2 });

export function renderMarkdown(source: string): string {
  return render(source);
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
